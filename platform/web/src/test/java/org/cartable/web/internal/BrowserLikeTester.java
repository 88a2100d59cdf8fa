package org.cartable.web.internal;

import org.apache.wicket.protocol.http.WebApplication;
import org.apache.wicket.protocol.http.mock.MockHttpServletRequest;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.util.tester.WicketTester;

/**
 * A WicketTester whose requests carry the Fetch Metadata header a browser sends, as the shell refuses state-changing
 * requests without it. {@link #fetchSite} can be set to "cross-site" to play a forged request.
 */
final class BrowserLikeTester extends WicketTester {

    String fetchSite = "same-origin";

    BrowserLikeTester(WebApplication application) {
        super(application);
    }

    @Override
    protected boolean processRequest(MockHttpServletRequest forcedRequest, IRequestHandler forcedRequestHandler,
                                     boolean redirect) {
        MockHttpServletRequest request = forcedRequest != null ? forcedRequest : getRequest();
        // Lower case: the mock request looks headers up case-sensitively, as Wicket asks for them.
        request.setHeader("sec-fetch-site", fetchSite);
        return super.processRequest(forcedRequest, forcedRequestHandler, redirect);
    }
}
