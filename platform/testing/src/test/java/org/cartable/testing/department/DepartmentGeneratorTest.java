package org.cartable.testing.department;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cartable.testing.department.DepartmentGenerator.ClassSpec;
import org.cartable.testing.department.DepartmentGenerator.TeacherStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepartmentGeneratorTest {

    @TempDir
    Path dir;

    private static DepartmentGenerator generator() {
        return DepartmentGenerator.scale(0.05).anchor("0451234A", "École Jules Ferry",
                new ClassSpec("CM1 A", List.of("CM1")));
    }

    @Test
    void theTeachersFileIsDeterministicAndCoversEveryGeneratedClass() throws IOException {
        DepartmentGenerator.Stats stats = generator().write(dir.resolve("p1"), dir.resolve("g1"));
        TeacherStats teachers = generator().writeTeachers(dir.resolve("t1"));
        generator().writeTeachers(dir.resolve("t2"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("t1")), Files.readAllBytes(dir.resolve("t2")));

        assertEquals(stats.schools() - 1, teachers.schools(), "the anchored school comes with its own staff");
        assertEquals(stats.classes() - 1, teachers.classes());
        assertEquals(teachers.schools(), teachers.directors());
        double perClass = (double) teachers.teachers() / teachers.classes();
        assertTrue(perClass > 1.1 && perClass < 1.3, teachers::toString);

        List<String> lines = Files.readAllLines(dir.resolve("t1"), Charset.forName("windows-1252"));
        assertEquals("UAI école;Classe;Nom;Prénom;Courriel;Direction", lines.get(0));
        assertEquals(teachers.lines(), lines.size() - 1);
        Set<String> taught = new HashSet<>();
        Set<String> mails = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            taught.add(f[0] + "/" + f[1]);
            mails.add(f[4]);
        }
        assertEquals(teachers.classes(), taught.size(), "every generated class has a teacher");
        assertEquals(teachers.teachers(), mails.size(), "one address per teacher");
    }
}
