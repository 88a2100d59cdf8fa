package org.cartable.notebook.internal.demo;

import java.io.ByteArrayInputStream;

import org.cartable.api.Caller;
import org.cartable.api.demo.DemoContent;
import org.cartable.api.demo.DemoDirectory;
import org.cartable.notebook.internal.BoxInput;
import org.cartable.notebook.internal.BoxKind;
import org.cartable.notebook.internal.Geometry;
import org.cartable.notebook.internal.MediaInfo;
import org.cartable.notebook.internal.Notebook;
import org.cartable.notebook.internal.NotebookApp;
import org.cartable.notebook.internal.NotebookService;
import org.cartable.notebook.internal.Page;
import org.cartable.notebook.internal.Sharing;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo's notebooks, written through the service like anyone's: the CM1 A teacher's "Notre classe découverte",
 * shared with the class (three pages, texts and a picture drawn in code), and Léa's private poetry notebook.
 */
@Component(service = DemoContent.class)
public final class NotebookDemo implements DemoContent {

    private final NotebookService notebooks;

    @Activate
    public NotebookDemo(@Reference(name = "notebooks") NotebookService notebooks) {
        this.notebooks = notebooks;
    }

    @Override
    public String appId() {
        return NotebookApp.ID;
    }

    @Override
    public void seed(DemoDirectory directory) {
        String a1 = directory.classId("CM1 A");
        Caller teacher = directory.caller("teacher");
        Notebook discovery = notebooks.create(teacher, a1, "Notre classe découverte", "#2e7d32");
        String firstPage = notebooks.notebook(teacher, a1, discovery.id()).pages().get(0).id();
        text(teacher, a1, discovery.id(), firstPage, 4, 4, 52, 40,
                "<h2>Bienvenue dans notre cahier !</h2><p>Cette année, la classe de CM1 A part à la découverte de"
                        + " son quartier, de la nature et des livres. Chaque semaine, nous ajoutons une page.</p>");
        MediaInfo picture = notebooks.uploadMedia(teacher, a1, discovery.id(),
                new ByteArrayInputStream(DemoPicture.landscape(320, 240)), "ecole.png");
        notebooks.addBox(teacher, a1, discovery.id(), firstPage, new BoxInput(BoxKind.IMAGE,
                Geometry.valid(60, 6, 36, 40, null), "Notre école sous le soleil", picture.id(), null));
        text(teacher, a1, discovery.id(), firstPage, 4, 50, 92, 30,
                "<p>Règles du cahier : on écrit lisiblement, on respecte le travail des autres, et on signe ses"
                        + " pages.</p>");
        notebooks.savePage(teacher, a1, discovery.id(), firstPage, "Bienvenue");

        Page outing = notebooks.addPage(teacher, a1, discovery.id(), "Notre sortie au parc");
        text(teacher, a1, discovery.id(), outing.id(), 5, 5, 90, 45,
                "<p>Mardi, nous avons observé les arbres du parc : chênes, marronniers et un grand cèdre.</p>"
                        + "<ul><li>Les feuilles du chêne ont des lobes.</li><li>Le cèdre garde ses aiguilles"
                        + " l’hiver.</li></ul>");
        notebooks.savePage(teacher, a1, discovery.id(), outing.id(), "Notre sortie au parc");

        Page song = notebooks.addPage(teacher, a1, discovery.id(), "Notre chanson");
        text(teacher, a1, discovery.id(), song.id(), 10, 10, 80, 60,
                "<p><em>Le bon roi Dagobert</em> : nous la chanterons à la fête de l’école !</p>");
        notebooks.savePage(teacher, a1, discovery.id(), song.id(), "Notre chanson");
        notebooks.share(teacher, a1, discovery.id(), Sharing.READ);

        Caller lea = directory.caller("pupil");
        Notebook poems = notebooks.create(lea, a1, "Mon cahier de poésie", "#b3261e");
        String poemPage = notebooks.notebook(lea, a1, poems.id()).pages().get(0).id();
        text(lea, a1, poems.id(), poemPage, 8, 8, 84, 60,
                "<h2>L’automne</h2><p>Les feuilles dansent dans le vent,<br>rouges, jaunes, en tourbillonnant.</p>"
                        + "<p>— Léa</p>");
        notebooks.savePage(lea, a1, poems.id(), poemPage, "L’automne");
    }

    private void text(Caller caller, String classId, String notebookId, String pageId, double x, double y,
                      double width, double height, String html) {
        notebooks.addBox(caller, classId, notebookId, pageId,
                new BoxInput(BoxKind.TEXT, Geometry.valid(x, y, width, height, null), html, null, null));
    }
}
