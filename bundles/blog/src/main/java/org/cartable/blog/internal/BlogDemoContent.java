package org.cartable.blog.internal;

import org.cartable.api.Caller;
import org.cartable.api.demo.DemoContent;
import org.cartable.api.demo.DemoDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A lived-in blog for the demo: CM1 A has a teacher's posts and a pupil's post approved by the teacher, with
 * families' comments; CP B has its first post. Written through {@link BlogService}, so the rules (and the notices)
 * are those of real use.
 */
@Component(service = DemoContent.class)
public final class BlogDemoContent implements DemoContent {

    private final BlogService blog;

    @Activate
    public BlogDemoContent(@Reference BlogService blog) {
        this.blog = blog;
    }

    @Override
    public String appId() {
        return BlogApp.ID;
    }

    @Override
    public void seed(DemoDirectory demo) {
        String a1 = demo.classId("CM1 A");
        Caller teacher = demo.caller("teacher");
        Caller lea = demo.caller("pupil");
        Caller sophie = demo.caller("parent");
        Caller karim = demo.caller("parent2");

        Post welcome = blog.createPost(teacher, a1, "Bienvenue sur le blog du CM1 A",
                "<p>Chers parents, vous trouverez ici les nouvelles de la classe : sorties, projets et travaux des"
                        + " élèves. Les commentaires sont relus avant d’être publiés.</p>", true);
        blog.pin(teacher, a1, welcome.id(), true);
        Post museum = blog.createPost(teacher, a1, "Sortie au muséum d’histoire naturelle",
                "<p>Jeudi, nous avons découvert la galerie des fossiles. Merci aux parents accompagnateurs !</p>",
                true);
        Comment thanks = blog.addComment(karim, a1, museum.id(), "<p>Nathan a adoré les dinosaures, merci !</p>");
        blog.approveComment(teacher, a1, museum.id(), thanks.id());

        Post poem = blog.createPost(lea, a1, "Mon poème d’automne",
                "<p>Les feuilles tombent en dansant,<br>rouges et jaunes dans le vent.</p>", true);
        blog.publish(teacher, a1, poem.id());
        Comment proud = blog.addComment(sophie, a1, poem.id(), "<p>Bravo Léa, très joli poème !</p>");
        blog.approveComment(teacher, a1, poem.id(), proud.id());

        String b1 = demo.classId("CP B");
        Caller teacher2 = demo.caller("teacher2");
        blog.createPost(teacher2, b1, "Nos premiers mots écrits",
                "<p>Cette semaine, les CP ont écrit leurs premiers mots en lettres attachées.</p>", true);
    }
}
