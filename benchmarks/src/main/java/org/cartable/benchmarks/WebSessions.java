package org.cartable.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs every parent of {@code parents.tsv} in again through the web form and writes the file with fresh web session
 * ids (column 6): web sessions die with a restart of Karaf, REST tokens do not.
 * Usage: {@code WebSessions BASE_URL IN_TSV OUT_TSV}.
 */
public final class WebSessions {

    private WebSessions() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] f = line.split("\t", -1);
            f[5] = WebSession.signIn(base, f[0], f[1]);
            out.add(String.join("\t", f));
        }
        Files.write(Path.of(args[2]), out);
        System.out.println("[WebSessions] " + out.size() + " parents signed in again");
    }
}
