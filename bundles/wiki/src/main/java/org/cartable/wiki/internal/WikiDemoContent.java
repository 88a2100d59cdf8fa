package org.cartable.wiki.internal;

import org.cartable.api.Caller;
import org.cartable.api.demo.DemoContent;
import org.cartable.api.demo.DemoDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo wikis, written through the service like real users would: in "CM1 A" a home page and "Le système
 * solaire" with sub-pages, edited by the teacher and pupils, a link to a page still to write and a comment; in
 * "CP B" a home page and a page about farm animals. A class whose wiki already has pages is left alone.
 */
@Component(service = DemoContent.class)
public final class WikiDemoContent implements DemoContent {

    private final WikiService wiki;

    @Activate
    public WikiDemoContent(@Reference(name = "wiki") WikiService wiki) {
        this.wiki = wiki;
    }

    @Override
    public String appId() {
        return WikiApp.ID;
    }

    @Override
    public void seed(DemoDirectory directory) {
        seedCm1A(directory);
        seedCpB(directory);
    }

    private void seedCm1A(DemoDirectory directory) {
        String a1 = directory.classId("CM1 A");
        Caller teacher = directory.caller("teacher");
        Caller lea = directory.caller("pupil");
        Caller ines = directory.caller("a1.pupil3");
        if (alreadySeeded(teacher, a1)) {
            return;
        }
        String home = wiki.homeId(teacher, a1);
        wiki.savePage(teacher, a1, home, "Accueil",
                "<h2>Bienvenue sur le wiki des CM1 A</h2><p>Ici, nous écrivons ensemble ce que nous apprenons. "
                        + "Chaque élève peut compléter une page ; l’historique garde toutes les versions.</p>"
                        + "<ul><li>[[Le système solaire]]</li><li>[[Nos exposés]]</li></ul>", 0);

        WikiPage solar = wiki.createPage(teacher, a1, "Le système solaire",
                "<p>Le système solaire est formé du [[Le Soleil|Soleil]] et de tout ce qui tourne autour de lui.</p>"
                        + "<p>Voir aussi : [[Les planètes]], [[La Lune]] et [[Les comètes]].</p>", home);
        WikiPage sun = wiki.createPage(lea, a1, "Le Soleil",
                "<p>Le Soleil est une étoile. Il nous donne la lumière et la chaleur.</p>", solar.id());
        wiki.savePage(teacher, a1, sun.id(), "Le Soleil",
                "<p>Le Soleil est une étoile. Il nous donne la lumière et la chaleur.</p>"
                        + "<p>La lumière du Soleil met environ 8 minutes pour arriver sur la Terre.</p>", sun.version());
        WikiPage planets = wiki.createPage(teacher, a1, "Les planètes",
                "<p>Il y a huit planètes : Mercure, Vénus, la Terre, Mars, Jupiter, Saturne, Uranus et Neptune.</p>",
                solar.id());
        WikiPage planetsByLea = wiki.savePage(lea, a1, planets.id(), "Les planètes",
                "<p>Il y a huit planètes : Mercure, Vénus, la Terre, Mars, Jupiter, Saturne, Uranus et Neptune.</p>"
                        + "<p>Jupiter est la plus grosse planète. Mercure est la plus proche du Soleil.</p>",
                planets.version());
        wiki.savePage(ines, a1, planets.id(), "Les planètes",
                "<p>Il y a huit planètes : Mercure, Vénus, la Terre, Mars, Jupiter, Saturne, Uranus et Neptune.</p>"
                        + "<p>Jupiter est la plus grosse planète. Mercure est la plus proche du Soleil.</p>"
                        + "<p>Pour s’en souvenir : « Me Voici Toute Mignonne, Je Suis Une Nébuleuse ».</p>",
                planetsByLea.version());
        wiki.createPage(ines, a1, "La Lune",
                "<p>La Lune tourne autour de la Terre en un peu moins d’un mois.</p>", solar.id());
        wiki.addComment(lea, a1, solar.id(), "<p>On pourrait ajouter une page sur les comètes !</p>");
        wiki.addComment(teacher, a1, solar.id(), "<p>Bonne idée Léa : le lien rouge permet de la créer.</p>");
        wiki.createPage(teacher, a1, "Nos exposés",
                "<p>Les exposés du trimestre : [[Le système solaire]] (groupe de Léa).</p>", home);
    }

    private void seedCpB(DemoDirectory directory) {
        String b1 = directory.classId("CP B");
        Caller teacher = directory.caller("teacher2");
        Caller hugo = directory.caller("pupilb");
        if (alreadySeeded(teacher, b1)) {
            return;
        }
        String home = wiki.homeId(teacher, b1);
        wiki.savePage(teacher, b1, home, "Accueil",
                "<h2>Le wiki des CP B</h2><p>Nos mots et nos dessins : [[Les animaux de la ferme]].</p>", 0);
        WikiPage farm = wiki.createPage(teacher, b1, "Les animaux de la ferme",
                "<ul><li>la vache</li><li>le cochon</li></ul>", home);
        wiki.savePage(hugo, b1, farm.id(), "Les animaux de la ferme",
                "<ul><li>la vache</li><li>le cochon</li><li>la poule</li></ul>", farm.version());
    }

    private boolean alreadySeeded(Caller teacher, String classId) {
        return !wiki.overview(teacher, classId).tree().children().isEmpty();
    }
}
