package org.cartable.notebook.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.behavior.AbstractAjaxBehavior;
import org.apache.wicket.markup.ComponentTag;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.head.JavaScriptHeaderItem;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LambdaModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.handler.EmptyRequestHandler;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.JavaScriptResourceReference;
import org.apache.wicket.util.lang.Bytes;
import org.cartable.api.CartableException;
import org.cartable.api.web.RichText;
import org.cartable.notebook.internal.Box;
import org.cartable.notebook.internal.BoxInput;
import org.cartable.notebook.internal.BoxKind;
import org.cartable.notebook.internal.Geometry;
import org.cartable.notebook.internal.MediaInfo;
import org.cartable.notebook.internal.NotebookService;
import org.cartable.notebook.internal.Page;

/**
 * The editor of one page. Opening it takes the page's edit lock (others read the page meanwhile); every change
 * extends it; "Done" saves the title and releases it, "Leave" releases it; otherwise it expires after the configured
 * inactivity. Someone else's lock makes the page read-only here, naming who edits it.
 * <p>
 * Boxes are added with forms (text, an uploaded picture/sound/video, a video address) and placed with number fields;
 * a small script (served from this bundle, as the shell's Content Security Policy forbids inline scripts) lets a mouse
 * or finger drag and resize them, filling the same fields.
 */
public class NotebookEditorPage extends NotebookBasePage {

    private static final long serialVersionUID = 1L;

    private static final JavaScriptResourceReference SCRIPT =
            new JavaScriptResourceReference(NotebookEditorPage.class, "notebook-editor.js");

    private final String notebookId;
    private final String pageId;
    private final IModel<Page> page;
    private final String lockedBy;

    public NotebookEditorPage(PageParameters parameters) {
        super(parameters);
        notebookId = parameters.get("notebookId").toString("");
        pageId = parameters.get("pageId").toString("");
        page = LoadableDetachableModel.of(() -> load(() -> notebooks().page(caller(), classId(), notebookId, pageId)));
        page.getObject();
        lockedBy = takeLock();

        add(new BookmarkablePageLink<Void>("back", NotebookViewPage.class, notebookParameters(classId(), notebookId)));
        add(new Label("number", page.map(p -> p.position() + 1)));
        add(new Label("locked", lockedBy == null ? "" : getString("lockedBy").replace("{0}", lockedBy))
                .setVisible(lockedBy != null));
        add(new PageForm("pageForm").add(new ReleaseOnLeave()).setVisible(lockedBy == null));
        add(new PageSheet("sheet", classId(), page, lockedBy == null));
        WebMarkupContainer tools = new WebMarkupContainer("tools");
        tools.setVisible(lockedBy == null);
        tools.add(new TextForm("addText"));
        tools.add(new MediaForm("addMedia"));
        tools.add(new EmbedForm("addEmbed"));
        tools.add(boxes("boxes"));
        add(tools);
    }

    /** @return null when the caller holds the lock now, else who does (or why not) */
    private String takeLock() {
        try {
            notebooks().lock(caller(), classId(), notebookId, pageId);
            return null;
        } catch (CartableException refused) {
            if (refused.kind() == CartableException.Kind.CONFLICT) {
                Page current = page.getObject();
                return current.lock() != null ? current.lock().holderName() : "?";
            }
            throw new RestartResponseException(NotebookViewPage.class, notebookParameters(classId(), notebookId));
        }
    }

    private ListView<Box> boxes(String id) {
        return new ListView<>(id, page.map(Page::boxes)) {
            @Override
            protected void populateItem(ListItem<Box> item) {
                item.add(new BoxForm("box", item.getModelObject()));
            }
        };
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        StringBuilder css = new StringBuilder();
        Styles.boxes(css, page.getObject().boxes());
        response.render(CssHeaderItem.forCSS(css, "notebook-layout"));
        if (lockedBy == null) {
            response.render(JavaScriptHeaderItem.forReference(SCRIPT, "notebook-editor"));
        }
    }

    @Override
    protected void onDetach() {
        page.detach();
        super.onDetach();
    }

    private void changed(String successKey) {
        success(getString(successKey));
        page.detach();
    }

    /** Where a new box goes: cascading down the page so that boxes added in a row do not hide each other. */
    private Geometry newPlace(double width, double height) {
        int count = page.getObject().boxes().size();
        double y = Math.min(100 - height, 4 + (count * 8) % 48);
        double x = Math.min(100 - width, 4 + (count * 6) % 40);
        return Geometry.valid(x, y, width, height, null);
    }

    /**
     * The address the editor's script calls (with {@code navigator.sendBeacon}) when the browser leaves the page other
     * than by submitting one of its forms: the lock is released at once rather than after the inactivity delay.
     */
    public final class ReleaseOnLeave extends AbstractAjaxBehavior {

        private static final long serialVersionUID = 1L;

        @Override
        protected void onComponentTag(ComponentTag tag) {
            super.onComponentTag(tag);
            tag.put("data-release", getCallbackUrl());
        }

        @Override
        public void onRequest() {
            try {
                notebooks().unlock(caller(), classId(), notebookId, pageId);
            } catch (CartableException gone) {
                // nothing to release any more (the notebook went, the app was disabled): leaving is fine
            }
            RequestCycle.get().scheduleRequestHandlerAfterCurrent(new EmptyRequestHandler());
        }
    }

    private final class PageForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String title;
        private boolean edited;

        PageForm(String id) {
            super(id);
            add(new TextField<>("title", LambdaModel.of(() -> edited ? title : page.getObject().title(),
                    value -> {
                        title = value;
                        edited = true;
                    })));
            add(new Button("done") {
                @Override
                public void onSubmit() {
                    if (act(() -> notebooks().savePage(caller(), classId(), notebookId, pageId, title))) {
                        getSession().success(getString("pageSaved"));
                        throw new RestartResponseException(NotebookViewPage.class,
                                notebookParameters(classId(), notebookId));
                    }
                }
            });
            add(new Button("leave") {
                @Override
                public void onSubmit() {
                    act(() -> notebooks().unlock(caller(), classId(), notebookId, pageId));
                    throw new RestartResponseException(NotebookViewPage.class,
                            notebookParameters(classId(), notebookId));
                }
            }.setDefaultFormProcessing(false));
        }
    }

    private final class TextForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String text;

        TextForm(String id) {
            super(id);
            add(new TextArea<>("text", LambdaModel.of(() -> text, value -> text = value)).setRequired(true));
            add(new Button("add"));
        }

        @Override
        protected void onSubmit() {
            String html = RichText.fromTextarea(text);
            if (act(() -> notebooks().addBox(caller(), classId(), notebookId, pageId,
                    new BoxInput(BoxKind.TEXT, newPlace(40, 25), html, null, null)))) {
                text = null;
                changed("boxAdded");
            }
        }
    }

    /** An uploaded picture, sound or video: the kind of box follows from the file's content. */
    private final class MediaForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private final FileUploadField file;
        private String caption;

        MediaForm(String id) {
            super(id);
            setMultiPart(true);
            // the service applies each kind's limit; this only stops a body far beyond all of them
            setMaxSize(Bytes.bytes(notebooks().limits().largest() + 64 * 1024));
            file = new FileUploadField("file");
            file.setRequired(true);
            add(file);
            add(new TextField<>("caption", LambdaModel.of(() -> caption, value -> caption = value)));
            add(new Button("add"));
        }

        @Override
        protected void onSubmit() {
            FileUpload upload = file.getFileUpload();
            if (upload == null) {
                return;
            }
            boolean added = act(() -> {
                MediaInfo media;
                try (InputStream content = upload.getInputStream()) {
                    media = notebooks().uploadMedia(caller(), classId(), notebookId, content,
                            upload.getClientFileName());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    upload.closeStreams();
                    upload.delete();
                }
                Geometry place = media.kind() == BoxKind.AUDIO ? newPlace(40, 15) : newPlace(45, 40);
                notebooks().addBox(caller(), classId(), notebookId, pageId,
                        new BoxInput(media.kind(), place, caption, media.id(), null));
            });
            if (added) {
                caption = null;
                changed("boxAdded");
            }
        }

        @Override
        protected void onFileUploadException(org.apache.commons.fileupload.FileUploadException e,
                                             Map<String, Object> model) {
            error(getString("error.payload_too_large"));
        }
    }

    private final class EmbedForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private String url;
        private String caption;

        EmbedForm(String id) {
            super(id);
            add(Inputs.of("url", LambdaModel.of(() -> url, value -> url = value), String.class, "url").setRequired(true));
            add(new TextField<>("caption", LambdaModel.of(() -> caption, value -> caption = value)));
            add(new Button("add"));
        }

        @Override
        protected void onSubmit() {
            if (act(() -> notebooks().addBox(caller(), classId(), notebookId, pageId,
                    new BoxInput(BoxKind.EMBED, newPlace(50, 40), caption, null, url)))) {
                url = null;
                caption = null;
                changed("boxAdded");
            }
        }
    }

    /** One box's position and content; the drag script fills the position fields and submits. */
    private final class BoxForm extends Form<Void> {

        private static final long serialVersionUID = 1L;

        private final String boxId;
        private final BoxKind kind;
        private Double x;
        private Double y;
        private Double width;
        private Double height;
        private Integer z;
        private String content;

        BoxForm(String id, Box box) {
            super(id);
            boxId = box.id();
            kind = box.kind();
            Geometry g = box.geometry();
            x = g.x();
            y = g.y();
            width = g.width();
            height = g.height();
            z = g.z();
            content = box.content();
            add(AttributeModifier.replace("data-box", boxId));
            add(new Label("kind", getString("kind." + kind.name())));
            add(number("x", LambdaModel.of(() -> x, value -> x = value)));
            add(number("y", LambdaModel.of(() -> y, value -> y = value)));
            add(number("width", LambdaModel.of(() -> width, value -> width = value)));
            add(number("height", LambdaModel.of(() -> height, value -> height = value)));
            add(Inputs.of("z", LambdaModel.of(() -> z, value -> z = value), Integer.class, "number").setRequired(true));
            add(new TextArea<>("text", LambdaModel.of(() -> content, value -> content = value))
                    .setVisible(kind == BoxKind.TEXT));
            add(new TextField<>("caption", LambdaModel.of(() -> content, value -> content = value))
                    .setVisible(kind != BoxKind.TEXT));
            add(new Button("save") {
                @Override
                public void onSubmit() {
                    String value = kind == BoxKind.TEXT ? RichText.fromTextarea(content) : content;
                    if (act(() -> notebooks().updateBox(caller(), classId(), notebookId, pageId, boxId,
                            new BoxInput(kind, Geometry.valid(x, y, width, height, z), value, null, null)))) {
                        changed("boxSaved");
                    }
                }
            });
            add(new Button("delete") {
                @Override
                public void onSubmit() {
                    if (act(() -> notebooks().deleteBox(caller(), classId(), notebookId, pageId, boxId))) {
                        changed("boxDeleted");
                    }
                }
            }.setDefaultFormProcessing(false));
        }

        private TextField<Double> number(String id, IModel<Double> model) {
            TextField<Double> field = Inputs.of(id, model, Double.class, "number");
            field.setRequired(true);
            return field;
        }
    }

    public static PageParameters parameters(String classId, String notebookId, String pageId) {
        return notebookParameters(classId, notebookId).add("pageId", pageId);
    }
}
