package org.cartable.homework.internal.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.IChoiceRenderer;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.Url;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;
import org.cartable.api.CartableException;
import org.cartable.api.web.RichText;
import org.cartable.api.web.Services;
import org.cartable.api.web.VisibleWhen;
import org.cartable.homework.internal.Entry;
import org.cartable.homework.internal.EntryInput;
import org.cartable.homework.internal.FeedStatus;
import org.cartable.homework.internal.Frequency;
import org.cartable.homework.internal.HomeworkService;
import org.cartable.homework.internal.Subject;
import org.cartable.homework.internal.Week;
import org.cartable.homework.internal.calendar.CalendarFeeds;

/**
 * The class's diary: a week (or one day) of entries with day navigation, the work due soon, and for the staff the
 * writing form and completion counts; pupils and parents tick "done". Every button calls the services, which decide;
 * the page only hides what the caller may not do. Parameters: {@code date} (a day of the week shown) and
 * {@code view=day} (that day only).
 */
public class HomeworkPage extends HomeworkBasePage {

    private static final long serialVersionUID = 1L;
    static final String DATE = "date";
    static final String VIEW = "view";
    private static final int DUE_DAYS = 14;
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Paris");

    private final LocalDate shownDate;
    private final boolean dayView;
    private final IModel<Week> week;
    private final IModel<List<Entry>> due;
    /** The calendar address made in this page, shown once (only its hash is stored). */
    private String newFeedUrl;

    public HomeworkPage(PageParameters parameters) {
        super(parameters);
        LocalDate asked = dateParameter(parameters, DATE);
        shownDate = asked != null ? asked : load(() -> homework().today());
        dayView = "day".equals(parameters.get(VIEW).toOptionalString());
        week = LoadableDetachableModel.of(() -> load(() -> homework().week(caller(), classId(), shownDate, childId())));
        due = LoadableDetachableModel.of(() -> load(() -> homework().due(caller(), classId(), null, DUE_DAYS,
                childId())));

        add(new Label("className", classInfo().name()));
        String child = childName();
        add(new Label("forChild", new StringResourceModel("forChild", this).setParameters(child))
                .setVisible(child != null));
        add(dueSection("due"));
        addWeekNavigation();
        add(days("day"));
        add(new NewEntryForm("newEntry"));
        add(calendarSection("calendar"));
    }

    static PageParameters parameters(String classId, LocalDate date, boolean dayView) {
        PageParameters parameters = forClass(classId).add(DATE, date.toString());
        return dayView ? parameters.add(VIEW, "day") : parameters;
    }

    // ---------------------------------------------------------------------------------------------------- due

    private Component dueSection(String id) {
        WebMarkupContainer section = new WebMarkupContainer(id);
        section.add(new WebMarkupContainer("empty").add(VisibleWhen.of(() -> due.getObject().isEmpty())));
        section.add(new ListView<>("entry", due) {
            @Override
            protected void populateItem(ListItem<Entry> item) {
                Entry entry = item.getModelObject();
                item.add(new Label("subject", subject(entry.subject())));
                item.add(new Label("dueDate", longDate(entry.dueDate())));
                item.add(entryLink("link", entry));
                item.add(doneForm("doneForm", entry));
                item.add(completion("completion", entry));
            }
        });
        return section;
    }

    // ---------------------------------------------------------------------------------------------------- week

    private void addWeekNavigation() {
        LocalDate monday = week.getObject().monday();
        add(new Label("weekTitle", new StringResourceModel("weekOf", this).setParameters(longDate(monday))));
        add(new BookmarkablePageLink<>("previous", HomeworkPage.class,
                parameters(classId(), monday.minusWeeks(1), false)));
        add(new BookmarkablePageLink<>("current", HomeworkPage.class, forClass(classId())));
        add(new BookmarkablePageLink<>("next", HomeworkPage.class, parameters(classId(), monday.plusWeeks(1), false)));
        add(new ListView<>("dayLink", week.map(w -> w.days().stream()
                .filter(d -> d.date().getDayOfWeek().getValue() <= 5 || !d.entries().isEmpty()).toList())) {
            @Override
            protected void populateItem(ListItem<Week.Day> item) {
                LocalDate date = item.getModelObject().date();
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", HomeworkPage.class,
                        parameters(classId(), date, true));
                link.add(new Label("label", DateTimeFormatter.ofPattern("EEE d", getLocale()).format(date)));
                if (dayView && date.equals(shownDate)) {
                    link.add(AttributeModifier.replace("aria-current", "true"));
                    link.add(AttributeModifier.append("class", "is-current"));
                }
                item.add(link);
            }
        });
        WebMarkupContainer allDays = new WebMarkupContainer("allDays");
        allDays.add(new BookmarkablePageLink<>("link", HomeworkPage.class, parameters(classId(), shownDate, false)));
        allDays.setVisible(dayView);
        add(allDays);
    }

    private Component days(String id) {
        IModel<List<Week.Day>> days = week.map(w -> w.days().stream()
                .filter(d -> dayView ? d.date().equals(shownDate)
                        : d.date().getDayOfWeek().getValue() <= 5 || !d.entries().isEmpty())
                .toList());
        return new ListView<>(id, days) {
            @Override
            protected void populateItem(ListItem<Week.Day> item) {
                Week.Day day = item.getModelObject();
                item.add(new Label("date", longDate(day.date())));
                if (day.date().equals(homework().today())) {
                    item.add(AttributeModifier.append("class", "is-today"));
                }
                item.add(new WebMarkupContainer("empty").setVisible(day.entries().isEmpty()));
                item.add(new ListView<>("entry", day.entries()) {
                    @Override
                    protected void populateItem(ListItem<Entry> entryItem) {
                        populateEntry(entryItem);
                    }
                });
            }
        };
    }

    private void populateEntry(ListItem<Entry> item) {
        Entry entry = item.getModelObject();
        item.setMarkupId("entry-" + entry.id());
        item.setOutputMarkupId(true);
        item.add(new Label("subject", subject(entry.subject())));
        item.add(new WebMarkupContainer("recurring").setVisible(entry.frequency() != Frequency.ONCE));
        item.add(entryLink("link", entry));
        // Sanitised by the service before it was stored.
        item.add(new Label("content", entry.content()).setEscapeModelStrings(false)
                .setVisible(!entry.content().isEmpty()));
        item.add(new Label("due", new StringResourceModel("dueOnFull", this)
                .setParameters(entry.hasWork() ? longDate(entry.dueDate()) : ""))
                .setVisible(entry.hasWork()));
        item.add(completion("completion", entry));
        item.add(doneForm("doneForm", entry));
    }

    private BookmarkablePageLink<Void> entryLink(String id, Entry entry) {
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>(id, HomeworkEntryPage.class,
                HomeworkEntryPage.parameters(classId(), entry.id()));
        link.add(new Label("title", entry.title()));
        return link;
    }

    /** For staff: "12/24" pupils have ticked the work. */
    private Component completion(String id, Entry entry) {
        boolean shown = entry.hasWork() && entry.doneCount() != null;
        Label label = new Label(id, new StringResourceModel("completion", this)
                .setParameters(shown ? entry.doneCount() : 0, shown ? entry.pupilCount() : 0));
        return label.setVisible(shown);
    }

    /** For a pupil or a parent: the "done" toggle of an entry's work. */
    private Component doneForm(String id, Entry entry) {
        Form<Void> form = new Form<>(id);
        boolean done = Boolean.TRUE.equals(entry.done());
        Button toggle = new Button("toggle") {
            @Override
            public void onSubmit() {
                if (act(() -> homework().setDone(caller(), classId(), entry.id(), childId(), !done))) {
                    success(getString(done ? "undone" : "doneSaved"));
                }
                week.detach();
                due.detach();
            }
        };
        toggle.add(AttributeModifier.replace("aria-pressed", String.valueOf(done)));
        toggle.add(AttributeModifier.append("class", done ? "button-primary is-done" : "button-secondary"));
        toggle.add(new Label("label", new StringResourceModel(done ? "doneYes" : "doneNo", this)));
        form.add(toggle);
        form.setVisible(entry.hasWork() && entry.done() != null);
        return form;
    }

    // ---------------------------------------------------------------------------------------------------- writing

    /** Staff: a new entry, once or recurring. */
    private final class NewEntryForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String date;
        private Subject subject;
        private String title;
        private String content;
        private String dueDate;
        private Frequency frequency = Frequency.ONCE;
        private String until;

        NewEntryForm(String id) {
            super(id);
            date = shownDate.toString();
            add(new DateField("entryDate", LambdaModel.of(() -> date, value -> date = value)).setRequired(true));
            add(new DropDownChoice<>("subject", LambdaModel.of(() -> subject, value -> subject = value),
                    Arrays.asList(Subject.values()), new SubjectRenderer()).setRequired(true));
            add(new TextField<>("title", LambdaModel.of(() -> title, value -> title = value))
                    .setRequired(true)
                    .add(StringValidator.maximumLength(HomeworkService.TITLE_MAX)));
            add(new TextArea<>("content", LambdaModel.of(() -> content, value -> content = value)));
            add(new DateField("dueDate", LambdaModel.of(() -> dueDate, value -> dueDate = value)));
            add(new DropDownChoice<>("frequency", LambdaModel.of(() -> frequency, value -> frequency = value),
                    Arrays.asList(Frequency.values()), new FrequencyRenderer()).setRequired(true));
            add(new DateField("until", LambdaModel.of(() -> until, value -> until = value)));
            add(new Button("save"));
        }

        @Override
        protected void onSubmit() {
            String html = RichText.fromTextarea(content);
            LocalDate day = DateField.parse(date);
            EntryInput input = new EntryInput(day, subject, title, html, DateField.parse(dueDate), frequency,
                    DateField.parse(until));
            if (act(() -> homework().create(caller(), classId(), input))) {
                // the page that follows is a new one: the message travels in the session
                getSession().success(getString("created"));
                setResponsePage(HomeworkPage.class, parameters(classId(), day, false));
            }
            week.detach();
            due.detach();
        }

        @Override
        protected void onConfigure() {
            super.onConfigure();
            setVisible(week.getObject().mayWrite());
        }
    }

    /** Subject names in the page's language. */
    private final class SubjectRenderer implements IChoiceRenderer<Subject> {

        private static final long serialVersionUID = 1L;

        @Override
        public Object getDisplayValue(Subject value) {
            return subject(value);
        }

        @Override
        public String getIdValue(Subject value, int index) {
            return value.name();
        }

        @Override
        public Subject getObject(String id, IModel<? extends List<? extends Subject>> choices) {
            return choices.getObject().stream().filter(s -> s.name().equals(id)).findFirst().orElse(null);
        }
    }

    private final class FrequencyRenderer implements IChoiceRenderer<Frequency> {

        private static final long serialVersionUID = 1L;

        @Override
        public Object getDisplayValue(Frequency value) {
            return getString("Frequency." + value.name());
        }

        @Override
        public String getIdValue(Frequency value, int index) {
            return value.name();
        }

        @Override
        public Frequency getObject(String id, IModel<? extends List<? extends Frequency>> choices) {
            return choices.getObject().stream().filter(f -> f.name().equals(id)).findFirst().orElse(null);
        }
    }

    // ---------------------------------------------------------------------------------------------------- calendar

    private Component calendarSection(String id) {
        IModel<FeedStatus> status = LoadableDetachableModel.of(() -> load(() ->
                Services.get(CalendarFeeds.class).status(caller(), classId(), childId())));
        WebMarkupContainer section = new WebMarkupContainer(id);
        section.add(new Label("status", () -> status.getObject().exists()
                ? new StringResourceModel("calendarExists", this).setParameters(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())
                                .withZone(SCHOOL_ZONE).format(status.getObject().createdAt())).getString()
                : getString("calendarNone")));
        WebMarkupContainer newUrl = new WebMarkupContainer("newUrl");
        newUrl.add(new Label("url", () -> newFeedUrl));
        newUrl.add(VisibleWhen.of(() -> newFeedUrl != null));
        section.add(newUrl);
        Form<Void> form = new Form<>("feedForm");
        form.add(new Button("renew") {
            @Override
            public void onSubmit() {
                try {
                    FeedStatus made = Services.get(CalendarFeeds.class).renew(caller(), classId(), childId());
                    newFeedUrl = RequestCycle.get().getUrlRenderer()
                            .renderFullUrl(Url.parse(CalendarFeeds.PATH + made.token() + ".ics"));
                    success(getString("calendarMade"));
                } catch (CartableException refused) {
                    error(getString("error." + refused.kind().code()));
                }
                status.detach();
            }
        });
        form.add(new Button("revoke") {
            @Override
            public void onSubmit() {
                if (act(() -> Services.get(CalendarFeeds.class).revoke(caller(), classId(), childId()))) {
                    newFeedUrl = null;
                    success(getString("calendarRevoked"));
                }
                status.detach();
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(status.getObject().exists());
            }
        });
        section.add(form);
        return section;
    }

    @Override
    protected void onDetach() {
        week.detach();
        due.detach();
        super.onDetach();
    }
}
