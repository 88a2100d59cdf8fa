package org.cartable.testing.department;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, deterministic department-sized registry extract in the ONDE format the directory import reads (two files,
 * {@code ;}-separated, Windows-1252): the pupils file and the guardians file.
 * <p>
 * Scale 1 is the reference department of the benchmarks: 393 schools on the ENT (of the department's 483), about
 * 2 100 classes, 49 164 pupils and about 80 000 parents (one family in ten has two children at the same school, one
 * in five has a single guardian). Small schools get multi-level classes ("CE2-CM1"), as in the countryside.
 * Optional <em>anchored</em> schools come first with given UAIs and class names (e.g. the demo schools, so that
 * generated families join classes that have teachers); the rest of the department is generated around them.
 * <p>
 * {@link #writeTeachers} writes the matching staff file (about 1.2 teachers a class: about 2 500 at scale 1).
 * <p>
 * Same seed and scale, same files, byte for byte.
 */
public final class DepartmentGenerator {

    /** Reference department (scale 1). */
    public static final int SCHOOLS_TOTAL = 483;
    public static final int SCHOOLS_ON_ENT = 393;
    public static final int PUPILS = 49_164;
    public static final int CLASSES = 2_100;
    public static final int TEACHERS = 2_500;

    private static final String[] LAST = {"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND",
        "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL",
        "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MÜLLER", "LEFEBVRE",
        "FAURE", "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS", "LEGRAND"};
    private static final String[] GIRLS = {"Léa", "Emma", "Chloé", "Inès", "Manon", "Jade", "Louise", "Zoé", "Alice",
        "Lina", "Rose", "Anna", "Mila", "Julia", "Ambre", "Léna", "Agathe", "Éloïse", "Margaux", "Romane"};
    private static final String[] BOYS = {"Léo", "Gabriel", "Raphaël", "Arthur", "Louis", "Jules", "Adam", "Lucas",
        "Hugo", "Noé", "Nathan", "Théo", "Tom", "Sacha", "Éthan", "Paul", "Nino", "Maël", "Aaron", "Timéo"};
    private static final String[] GRADES = {"CP", "CE1", "CE2", "CM1", "CM2"};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** A class: its name and the grades of its pupils (one or two). */
    public record ClassSpec(String name, List<String> grades) {
    }

    /** A school given in advance (UAI, name, classes). */
    public record SchoolSpec(String uai, String name, List<ClassSpec> classes) {
    }

    /** What was written. */
    public record Stats(int schools, int classes, int pupils, int families, int guardians, long lines,
                        List<SchoolSpec> schoolList) {
        @Override
        public String toString() {
            return String.format("%d schools, %d classes, %d pupils, %d families, %d guardians, %d lines", schools,
                    classes, pupils, families, guardians, lines);
        }
    }

    private final double scale;
    private final long seed;
    private final List<SchoolSpec> anchored = new ArrayList<>();
    private int pupilsOverride = -1;

    private DepartmentGenerator(double scale, long seed) {
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
        this.scale = scale;
        this.seed = seed;
    }

    /** The reference department times {@code scale} (0.1 = a tenth of the schools and pupils). */
    public static DepartmentGenerator scale(double scale) {
        return new DepartmentGenerator(scale, 20261129L);
    }

    /** A department of about {@code pupils} pupils (schools scaled alike). */
    public static DepartmentGenerator pupils(int pupils) {
        DepartmentGenerator generator = scale((double) pupils / PUPILS);
        generator.pupilsOverride = pupils;
        return generator;
    }

    public DepartmentGenerator seed(long newSeed) {
        DepartmentGenerator copy = new DepartmentGenerator(scale, newSeed);
        copy.anchored.addAll(anchored);
        copy.pupilsOverride = pupilsOverride;
        return copy;
    }

    /** Puts a school with these classes first (about 24 pupils a class); its pupils count in the total. */
    public DepartmentGenerator anchor(String uai, String name, ClassSpec... classes) {
        anchored.add(new SchoolSpec(uai, name, List.of(classes)));
        return this;
    }

    public int targetPupils() {
        return pupilsOverride > 0 ? pupilsOverride : Math.max(1, (int) Math.round(PUPILS * scale));
    }

    public int targetSchools() {
        return Math.max(anchored.size() + 1, (int) Math.round(SCHOOLS_ON_ENT * scale));
    }

    /** Writes the ONDE pupils and guardians files. */
    public Stats write(Path pupilsFile, Path guardiansFile) throws IOException {
        Random random = new Random(seed);
        List<SchoolSpec> schools = plan(random);
        int pupils = 0;
        int families = 0;
        int guardians = 0;
        long lines = 0;
        int classes = 0;
        try (BufferedWriter p = Files.newBufferedWriter(pupilsFile, WINDOWS_1252);
             BufferedWriter g = Files.newBufferedWriter(guardiansFile, WINDOWS_1252)) {
            p.write("Nom élève;Prénom élève;Date naissance;Sexe;Niveau;Classe;UAI école;Nom école\r\n");
            g.write("Nom élève;Prénom élève;Date naissance;Nom responsable;Prénom responsable;Lien de parenté;"
                    + "Autorité parentale;Courriel;Téléphone\r\n");
            int perClassTarget = Math.max(1, (int) Math.round((double) targetPupils() / totalClasses(schools)));
            for (SchoolSpec school : schools) {
                for (ClassSpec schoolClass : school.classes()) {
                    classes++;
                    int size = Math.max(1, perClassTarget - 3 + random.nextInt(7));
                    String familyName = null;
                    String mother = null;
                    String father = null;
                    boolean single = false;
                    for (int i = 0; i < size; i++) {
                        // A sibling: same family, same school (here the same class: the file does not care).
                        boolean sibling = familyName != null && random.nextInt(10) == 0;
                        if (!sibling) {
                            families++;
                            familyName = LAST[random.nextInt(LAST.length)] + " " + letters(families);
                            mother = GIRLS[random.nextInt(GIRLS.length)];
                            father = BOYS[random.nextInt(BOYS.length)];
                            single = random.nextInt(5) == 0;
                            guardians += single ? 1 : 2;
                        }
                        String grade = schoolClass.grades().get(random.nextInt(schoolClass.grades().size()));
                        int gradeIndex = List.of(GRADES).indexOf(grade);
                        boolean girl = random.nextBoolean();
                        String first = (girl ? GIRLS : BOYS)[random.nextInt(GIRLS.length)];
                        String birth = String.format("%02d/%02d/%d", 1 + random.nextInt(28), 1 + random.nextInt(12),
                                2019 - gradeIndex);
                        p.write(familyName + ";" + first + ";" + birth + ";" + (girl ? "F" : "M") + ";" + grade + ";"
                                + schoolClass.name() + ";" + school.uai() + ";" + school.name() + "\r\n");
                        pupils++;
                        lines++;
                        String mail = "famille" + families + "@example.org";
                        g.write(familyName + ";" + first + ";" + birth + ";" + familyName + ";" + mother + ";MERE;Oui;"
                                + mail + ";06" + String.format("%08d", families) + "\r\n");
                        lines++;
                        if (!single) {
                            g.write(familyName + ";" + first + ";" + birth + ";" + familyName + ";" + father
                                    + ";PERE;Oui;" + mail + ";07" + String.format("%08d", families) + "\r\n");
                            lines++;
                        }
                    }
                }
            }
        }
        return new Stats(schools.size(), classes, pupils, families, guardians, lines, schools);
    }

    /** What {@link #writeTeachers} wrote. */
    public record TeacherStats(int schools, int classes, int teachers, int directors, int lines) {
        @Override
        public String toString() {
            return String.format("%d teachers (%d directors) for %d classes of %d schools, %d lines", teachers,
                    directors, classes, schools, lines);
        }
    }

    /**
     * Writes the staff file the directory's staff import reads ({@code enseignants.csv}: UAI école, Classe, Nom,
     * Prénom, Courriel, Direction; {@code ;}-separated, Windows-1252) for the same schools and classes as
     * {@link #write}, anchored schools excepted (they are given with their staff). About 1.2 teachers a class: one per
     * class, and in one class out of five a second one (a part-time teacher, or the director's relief teacher) who
     * may also teach another class of the school; the first class's teacher directs the school. One line per teacher
     * and class; every teacher has a unique e-mail address. Same seed and scale, same file.
     */
    public TeacherStats writeTeachers(Path teachersFile) throws IOException {
        List<SchoolSpec> schools = plan(new Random(seed));
        // Its own random stream: the pupils' and guardians' files stay what they were.
        Random random = new Random(seed * 31 + 7);
        int teachers = 0;
        int directors = 0;
        int lines = 0;
        int classes = 0;
        try (BufferedWriter w = Files.newBufferedWriter(teachersFile, WINDOWS_1252)) {
            w.write("UAI école;Classe;Nom;Prénom;Courriel;Direction\r\n");
            for (SchoolSpec school : schools.subList(anchored.size(), schools.size())) {
                List<ClassSpec> list = school.classes();
                classes += list.size();
                for (int c = 0; c < list.size(); c++) {
                    teachers++;
                    String[] name = teacherName(random, teachers);
                    boolean director = c == 0;
                    directors += director ? 1 : 0;
                    w.write(line(school, list.get(c), name, director));
                    lines++;
                    if (random.nextInt(5) == 0) {
                        teachers++;
                        String[] second = teacherName(random, teachers);
                        w.write(line(school, list.get(c), second, false));
                        lines++;
                        if (list.size() > 1 && random.nextBoolean()) {
                            w.write(line(school, list.get((c + 1) % list.size()), second, false));
                            lines++;
                        }
                    }
                }
            }
        }
        return new TeacherStats(schools.size() - anchored.size(), classes, teachers, directors, lines);
    }

    private static String[] teacherName(Random random, int n) {
        String last = LAST[random.nextInt(LAST.length)];
        String first = (random.nextBoolean() ? GIRLS : BOYS)[random.nextInt(GIRLS.length)];
        String mail = java.text.Normalizer.normalize(first + "." + last, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "")
                + "." + n + "@ac-exemple.fr";
        return new String[] {last, first, mail};
    }

    private static String line(SchoolSpec school, ClassSpec schoolClass, String[] name, boolean director) {
        return school.uai() + ";" + schoolClass.name() + ";" + name[0] + ";" + name[1] + ";" + name[2] + ";"
                + (director ? "Oui" : "") + "\r\n";
    }

    private static int totalClasses(List<SchoolSpec> schools) {
        return schools.stream().mapToInt(s -> s.classes().size()).sum();
    }

    /** Schools and their classes: anchored ones first, then generated ones of 1 to 14 classes. */
    private List<SchoolSpec> plan(Random random) {
        List<SchoolSpec> schools = new ArrayList<>(anchored);
        int generated = targetSchools() - anchored.size();
        int classesLeft = Math.max(generated, (int) Math.round((double) CLASSES * targetPupils() / PUPILS)
                - anchored.stream().mapToInt(s -> s.classes().size()).sum());
        for (int s = 0; s < generated; s++) {
            int remainingSchools = generated - s;
            int mean = Math.max(1, classesLeft / remainingSchools);
            // Skewed sizes: many small village schools, some big town ones.
            int count = s == generated - 1 ? Math.max(1, classesLeft)
                    : Math.max(1, Math.min(14, (int) Math.round(mean * (0.3 + 1.4 * random.nextDouble()))));
            count = Math.min(count, Math.max(1, classesLeft - (remainingSchools - 1)));
            classesLeft -= count;
            String uai = String.format("%07d", 4_500_000 + s) + (char) ('A' + s % 26);
            schools.add(new SchoolSpec(uai, "École " + LAST[s % LAST.length].charAt(0)
                    + LAST[s % LAST.length].substring(1).toLowerCase() + " " + (s + 1), classesOf(count)));
        }
        return schools;
    }

    /** Five or more classes: one grade each (A, B... when a grade has several); fewer: multi-level classes. */
    private static List<ClassSpec> classesOf(int count) {
        List<ClassSpec> classes = new ArrayList<>();
        if (count >= 5) {
            for (int i = 0; i < count; i++) {
                String grade = GRADES[i % 5];
                classes.add(new ClassSpec(grade + " " + (char) ('A' + i / 5), List.of(grade)));
            }
            return classes;
        }
        // Split CP..CM2 into `count` consecutive groups.
        for (int i = 0; i < count; i++) {
            int from = i * 5 / count;
            int to = (i + 1) * 5 / count;
            List<String> grades = List.of(GRADES).subList(from, to);
            classes.add(new ClassSpec(String.join("-", grades.size() > 2
                    ? List.of(grades.get(0), grades.get(grades.size() - 1)) : grades), grades));
        }
        return classes;
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int v = n; v > 0; v /= 26) {
            s.append((char) ('A' + v % 26));
        }
        return s.toString();
    }
}
