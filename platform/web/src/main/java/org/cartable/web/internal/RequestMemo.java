package org.cartable.web.internal;

import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;

import org.apache.wicket.MetaDataKey;
import org.apache.wicket.request.cycle.RequestCycle;

/**
 * Platform answers kept for the rest of one request. Several components of a page ask the same question (the
 * dashboard's and the header's child switchers both list the parent's children, each class card its tiles); each
 * answer costs transactions in core, so the first asker pays and the others reuse it. Nothing outlives the request,
 * so a change made by another request is seen at the next one; only read-only questions are kept here.
 */
public final class RequestMemo {

    private static final MetaDataKey<HashMap<List<Object>, Object>> ANSWERS = new MetaDataKey<>() {
        private static final long serialVersionUID = 1L;
    };

    private RequestMemo() {
    }

    /**
     * @param key what is asked, with everything the answer depends on (e.g. the question, the caller's id, the
     *            class id)
     * @return the answer already computed in this request, else {@code compute}'s (computed each time outside a
     *         request)
     */
    @SuppressWarnings("unchecked")
    public static <T> T get(List<Object> key, Supplier<T> compute) {
        RequestCycle cycle = RequestCycle.get();
        if (cycle == null) {
            return compute.get();
        }
        HashMap<List<Object>, Object> answers = cycle.getMetaData(ANSWERS);
        if (answers == null) {
            answers = new HashMap<>();
            cycle.setMetaData(ANSWERS, answers);
        }
        if (answers.containsKey(key)) {
            return (T) answers.get(key);
        }
        T answer = compute.get();
        answers.put(key, answer);
        return answer;
    }
}
