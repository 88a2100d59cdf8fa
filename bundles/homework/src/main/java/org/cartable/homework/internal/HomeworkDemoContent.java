package org.cartable.homework.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.cartable.api.Caller;
import org.cartable.api.demo.DemoContent;
import org.cartable.api.demo.DemoDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A realistic week of homework for "CM1 A" and "CP B" around today: French, maths, science, a weekly dictation
 * and a fortnightly poem, and a few pupils' ticks. Written whether or not a teacher has enabled the app yet.
 */
@Component(service = DemoContent.class)
public final class HomeworkDemoContent implements DemoContent {

    private final HomeworkService homework;

    @Activate
    public HomeworkDemoContent(@Reference(name = "homework") HomeworkService homework) {
        this.homework = homework;
    }

    /** Builds the component outside OSGi (tests). */
    public static HomeworkDemoContent create(HomeworkService homework) {
        return new HomeworkDemoContent(homework);
    }

    @Override
    public String appId() {
        return HomeworkApp.ID;
    }

    @Override
    public void seed(DemoDirectory directory) {
        LocalDate today = LocalDate.now(directory.clock().withZone(HomeworkService.SCHOOL_ZONE));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        seedCm1(directory, monday);
        seedCp(directory, monday);
    }

    private void seedCm1(DemoDirectory directory, LocalDate monday) {
        String a1 = directory.classId("CM1 A");
        Caller teacher = directory.caller("teacher");
        Entry dictation = homework.seedEntry(teacher, a1, new EntryInput(monday, Subject.FRENCH,
                "Préparer la dictée du jeudi",
                "<p>Apprendre l’orthographe des mots de la liste collée dans le cahier rouge.</p>"
                        + "<p>Les parents peuvent faire une <b>dictée d’entraînement</b> à la maison.</p>",
                monday.plusDays(3), Frequency.WEEKLY, monday.plusWeeks(8)));
        Entry maths = homework.seedEntry(teacher, a1, EntryInput.once(monday, Subject.MATHS,
                "Exercices 3 et 4 page 42",
                "<p>Fichier de mathématiques : les fractions.</p><ul><li>Exercice 3 : colorier les parts</li>"
                        + "<li>Exercice 4 : comparer les fractions</li></ul>",
                monday.plusDays(2)));
        homework.seedEntry(teacher, a1, EntryInput.once(monday.plusDays(1), Subject.SCIENCES,
                "Le cycle de l’eau",
                "<p>Nous avons observé l’évaporation et la condensation.</p>"
                        + "<p>Apprendre la leçon et savoir refaire le schéma.</p>",
                monday.plusDays(4)));
        homework.seedEntry(teacher, a1, EntryInput.once(monday.plusDays(3), Subject.HISTORY,
                "Les châteaux forts",
                "<p>Découverte de la vie au Moyen Âge : le donjon, les remparts, le pont-levis.</p>", null));
        homework.seedEntry(teacher, a1, EntryInput.once(monday.plusDays(4), Subject.MATHS,
                "Tables de multiplication de 7",
                "<p>Réciter la table de 7 à l’endroit et à l’envers.</p>", monday.plusDays(8)));
        homework.seedEntry(teacher, a1, EntryInput.once(monday.plusDays(4), Subject.ENGLISH,
                "The colours song",
                "<p>Chanter la chanson des couleurs avec la fiche : <i>red, blue, yellow, green</i>.</p>",
                monday.plusDays(7)));

        Caller lea = directory.caller("pupil");
        Caller pupil3 = directory.caller("a1.pupil3");
        homework.seedDone(lea, a1, maths.id());
        homework.seedDone(pupil3, a1, maths.id());
        homework.seedDone(pupil3, a1, dictation.id());
    }

    private void seedCp(DemoDirectory directory, LocalDate monday) {
        String b1 = directory.classId("CP B");
        Caller teacher = directory.caller("teacher2");
        Entry reading = homework.seedEntry(teacher, b1, EntryInput.once(monday, Subject.FRENCH,
                "Lire la page 12",
                "<p>Livre de lecture : lire la page 12 à voix haute avec un adulte. Le son [ou].</p>",
                monday.plusDays(1)));
        homework.seedEntry(teacher, b1, EntryInput.once(monday.plusDays(1), Subject.MATHS,
                "Compter jusqu’à 50",
                "<p>Compter de 10 en 10, puis de 1 en 1 jusqu’à 50.</p>", monday.plusDays(3)));
        homework.seedEntry(teacher, b1, new EntryInput(monday.plusDays(3), Subject.FRENCH,
                "Poésie : apprendre une strophe",
                "<p>Une strophe de la poésie collée dans le cahier de poésie, à réciter devant la classe.</p>",
                monday.plusDays(7), Frequency.BIWEEKLY, monday.plusWeeks(10)));
        homework.seedEntry(teacher, b1, EntryInput.once(monday.plusDays(4), Subject.SCIENCES,
                "Les cinq sens",
                "<p>Apporter un objet qui sent bon ou qui fait du bruit pour lundi.</p>", monday.plusDays(7)));

        homework.seedDone(directory.caller("pupilb"), b1, reading.id());
    }
}
