package org.cartable.liaison.internal.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.cartable.liaison.internal.Category;
import org.cartable.liaison.internal.Confirmation;
import org.cartable.liaison.internal.FollowUp;
import org.cartable.liaison.internal.Notebook;
import org.cartable.liaison.internal.Reminder;
import org.cartable.liaison.internal.Reply;
import org.cartable.liaison.internal.Word;

/**
 * The JSON bodies of the notebook's REST API, as docs/rest-api.md lists them. Dates are ISO-8601 strings (seconds);
 * fields that do not apply to the caller's view are null.
 */
public final class LiaisonJson {

    private LiaisonJson() {
    }

    /** {@code GET /}. */
    public record NotebookBody(String classId, String view, Person child, int unread, List<WordBody> words,
                               int older, List<Person> pupils) {
        static NotebookBody of(Notebook notebook) {
            return new NotebookBody(notebook.classId(), notebook.view().name(),
                    notebook.child() == null ? null : new Person(notebook.child().id(), notebook.child().displayName()),
                    notebook.unread(), notebook.words().stream().map(WordBody::of).toList(), notebook.older(),
                    notebook.pupils().stream().map(p -> new Person(p.id(), p.displayName())).toList());
        }
    }

    public record Person(String id, String name) {
    }

    /** {@code <word>}: {@code confirmed}/{@code total} for the staff, {@code child} for a parent. */
    public record WordBody(String id, String title, String body, String category, String icon, String authorId,
                           String authorName, boolean wholeClass, boolean ackRequired, boolean repliesAllowed,
                           String createdAt, String editedAt, String lastReminderAt, Integer confirmed, Integer total,
                           ChildBody child) {
        static WordBody of(Word word) {
            return new WordBody(word.id(), word.title(), word.body(), word.category().name(), word.category().icon(),
                    word.authorId(), word.authorName(), word.wholeClass(), word.ackRequired(), word.repliesAllowed(),
                    date(word.createdAt()), date(word.editedAt()), date(word.lastReminderAt()),
                    word.counts() == null ? null : word.counts().confirmed(),
                    word.counts() == null ? null : word.counts().total(),
                    word.child() == null ? null : ChildBody.of(word.child()));
        }
    }

    /** The word for the parent's child: read by some parent, every confirmation, the caller's own reply. */
    public record ChildBody(String id, String name, boolean read, boolean confirmedByMe,
                            List<ConfirmationBody> confirmations, ReplyBody myReply) {
        static ChildBody of(Word.ChildState child) {
            return new ChildBody(child.pupilId(), child.pupilName(), child.read(), child.confirmedByMe(),
                    child.confirmations().stream().map(ConfirmationBody::of).toList(),
                    child.myReply() == null ? null : ReplyBody.of(child.myReply()));
        }
    }

    /** {@code <confirmation>}. */
    public record ConfirmationBody(String pupilId, String parentId, String parentName, String confirmedAt) {
        static ConfirmationBody of(Confirmation c) {
            return new ConfirmationBody(c.pupilId(), c.parentId(), c.parentName(), date(c.confirmedAt()));
        }
    }

    /** {@code <reply>}. */
    public record ReplyBody(String id, String pupilId, String parentId, String parentName, String body,
                            String createdAt, String updatedAt) {
        static ReplyBody of(Reply r) {
            return new ReplyBody(r.id(), r.pupilId(), r.parentId(), r.parentName(), r.body(), date(r.createdAt()),
                    date(r.updatedAt()));
        }
    }

    /** {@code GET /words/{id}/follow-up}. */
    public record FollowUpBody(WordBody word, List<PupilBody> pupils) {
        static FollowUpBody of(FollowUp followUp) {
            return new FollowUpBody(WordBody.of(followUp.word()), followUp.pupils().stream().map(PupilBody::of).toList());
        }
    }

    public record PupilBody(String id, String name, boolean hasParentAccount, boolean confirmed,
                            List<ConfirmationBody> confirmations, List<ReplyBody> replies) {
        static PupilBody of(FollowUp.PupilStatus p) {
            return new PupilBody(p.pupilId(), p.pupilName(), p.hasParentAccount(), p.confirmed(),
                    p.confirmations().stream().map(ConfirmationBody::of).toList(),
                    p.replies().stream().map(ReplyBody::of).toList());
        }
    }

    /** {@code POST /words}: {@code pupils} absent or null addresses the whole class. */
    public record NewWordBody(String title, String body, Category category, List<String> pupils, Boolean ackRequired,
                              Boolean repliesAllowed) {
    }

    /** {@code PUT /words/{id}}: a correction; {@code category} kept when absent. */
    public record CorrectionBody(String title, String body, Category category) {
    }

    /** {@code PUT /words/{id}/reply}. */
    public record ReplyRequest(String body) {
    }

    /** {@code POST /words/{id}/reminders}. */
    public record ReminderBody(int pupils, String sentAt) {
        static ReminderBody of(Reminder reminder) {
            return new ReminderBody(reminder.pupils(), date(reminder.sentAt()));
        }
    }

    static String date(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
