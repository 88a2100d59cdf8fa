package org.cartable.liaison.internal.demo;

import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.demo.DemoContent;
import org.cartable.api.demo.DemoDirectory;
import org.cartable.liaison.internal.Category;
import org.cartable.liaison.internal.LiaisonApp;
import org.cartable.liaison.internal.LiaisonService;
import org.cartable.liaison.internal.NewWord;
import org.cartable.liaison.internal.Word;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The notebook's demo content, written through the service as the demo's teachers and parents would: in "CM1 A" a
 * school trip to sign with replies, the swimming pool, a word to two chosen pupils; in "CP B" the start-of-year
 * meeting and a health notice; a few confirmations and a reply.
 */
@Component(service = DemoContent.class)
public final class LiaisonDemoContent implements DemoContent {

    private final LiaisonService liaison;

    @Activate
    public LiaisonDemoContent(@Reference(name = "liaison") LiaisonService liaison) {
        this.liaison = liaison;
    }

    @Override
    public String appId() {
        return LiaisonApp.ID;
    }

    @Override
    public void seed(DemoDirectory directory) {
        String a1 = directory.classId("CM1 A");
        String b1 = directory.classId("CP B");
        Caller teacher = directory.caller("teacher");
        Caller teacher2 = directory.caller("teacher2");
        String lea = directory.caller("pupil").userId();
        String nathan = directory.caller("pupil2").userId();
        String hugo = directory.caller("pupilb").userId();
        String pupil3 = directory.caller("a1.pupil3").userId();

        Word trip = liaison.write(teacher, a1, new NewWord("Sortie au musée d’Orsay",
                "<p>Jeudi prochain, la classe visite le musée d’Orsay. Départ de l’école à <b>8 h 30</b>, retour vers"
                        + " <b>16 h 30</b>.</p><p>Prévoir un pique-nique et une tenue confortable. Les parents"
                        + " disponibles pour accompagner peuvent répondre à ce mot.</p>",
                Category.SORTIE, null, true, true));
        liaison.write(teacher, a1, new NewWord("Piscine : bonnet et lunettes",
                "<p>Les séances de piscine reprennent mardi. Merci de vérifier que votre enfant a un <b>bonnet</b>,"
                        + " un maillot et, si besoin, des lunettes.</p>",
                Category.PISCINE, null, true, false));
        liaison.write(teacher, a1, new NewWord("Rendez-vous individuel",
                "<p>Je souhaiterais vous rencontrer pour faire le point sur le trimestre. Merci de me proposer un"
                        + " créneau en réponse.</p>",
                Category.REUNION, Set.of(lea, pupil3), true, true));

        liaison.confirm(directory.caller("parent"), a1, trip.id(), lea);
        liaison.confirm(directory.caller("a1.parent3"), a1, trip.id(), pupil3);
        liaison.reply(directory.caller("parent2"), a1, trip.id(), nathan,
                "Je peux accompagner la classe toute la journée.");

        Word meeting = liaison.write(teacher2, b1, new NewWord("Réunion de rentrée",
                "<p>La réunion de rentrée aura lieu vendredi à 18 h dans la classe. Nous présenterons le programme"
                        + " de l’année et les sorties prévues.</p>",
                Category.REUNION, null, true, false));
        liaison.write(teacher2, b1, new NewWord("Visite médicale",
                "<p>La visite médicale scolaire aura lieu le 12. Pensez à glisser le carnet de santé dans le"
                        + " cartable.</p>",
                Category.SANTE, null, false, false));
        liaison.confirm(directory.caller("parent"), b1, meeting.id(), hugo);
    }
}
