package org.cartable.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command in the Karaf console over SSH, as an operator would ({@code bin/client} does not work here, see
 * STACK.md): OpenSSH with the password handed over by an askpass script, host key not checked (a test copy).
 */
final class KarafConsole {

    /** Exit status and everything the command printed (stdout and stderr). */
    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + ": " + output;
        }
    }

    private KarafConsole() {
    }

    /**
     * As the test-only admin user of the run. Karaf registers a bundle's commands only while the services they need
     * are there (the DataSource comes up a little after REST, and may be registered again during boot): "Command not
     * found" right after a start is retried for a bounded time.
     */
    static Result run(CartableServer server, String command) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            Result result = run(CartableServer.JMX_USER, server.consolePassword(), command);
            if (!result.output().contains("Command not found") || System.nanoTime() > deadline) {
                return result;
            }
            try {
                Thread.sleep(1000); // poll interval of a bounded wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    static Result run(String user, String password, String command) {
        try {
            Path askpass = Files.createTempFile("cartable-askpass", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try {
                Files.writeString(askpass, "#!/bin/sh\nprintf '%s\\n' \"$CARTABLE_SSH_PASSWORD\"\n",
                        StandardCharsets.UTF_8);
                ProcessBuilder ssh = new ProcessBuilder(List.of("timeout", "120", "ssh", "-p", String.valueOf(CartableServer.SSH_PORT),
                        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                        "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password,keyboard-interactive",
                        "-o", "NumberOfPasswordPrompts=1", "-o", "ConnectTimeout=15", "-o", "LogLevel=ERROR",
                        user + "@127.0.0.1", command))
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                ssh.environment().put("SSH_ASKPASS", askpass.toString());
                ssh.environment().put("SSH_ASKPASS_REQUIRE", "force");
                ssh.environment().put("DISPLAY", ":0");
                ssh.environment().put("CARTABLE_SSH_PASSWORD", password);
                Process process = ssh.start();
                // `timeout` bounds ssh, so reading to the end cannot hang
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("ssh '" + command + "' did not end within 120 s");
                }
                return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(askpass);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ssh '" + command + "' failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
