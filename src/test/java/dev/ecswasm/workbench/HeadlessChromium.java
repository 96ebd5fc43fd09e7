package dev.ecswasm.workbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A headless Chromium of our own (its own profile in a temporary folder, DevTools on loopback
 * only) that opens pages one at a time and reports what each showed and logged.
 */
final class HeadlessChromium implements AutoCloseable {
    static final long START_SECONDS = 60;
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final DevTools devtools;

    /**
     * {@code -Dlessons.chromium=PATH} if given, else the first of {@code chromium},
     * {@code chromium-browser}, {@code google-chrome} on the PATH; empty if it is not executable.
     */
    static Optional<Path> find() {
        String chosen = System.getProperty("lessons.chromium");
        if (chosen != null) {
            return Optional.of(Path.of(chosen)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    HeadlessChromium(Path binary) throws Exception {
        profile = Files.createTempDirectory("lessons-site-chromium");
        process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--mute-audio", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            devtools = DevTools.connect(listeningOn());
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Reads Chromium's stderr until it names its DevTools socket, and keeps draining it after. */
    private URI listeningOn() throws Exception {
        CompletableFuture<URI> socket = new CompletableFuture<>();
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        socket.complete(URI.create(m.group(1)));
                    }
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 20) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                socket.completeExceptionally(e);
            }
            socket.completeExceptionally(new IllegalStateException("chromium ended without opening DevTools"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return socket.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            String said;
            synchronized (tail) {
                said = String.join("\n  ", tail);
            }
            throw new IllegalStateException("chromium did not open DevTools within " + START_SECONDS + " s ("
                    + (e instanceof TimeoutException ? "still starting" : e.getCause()) + "); its last lines:\n  " + said);
        }
    }

    /** Opens {@code page} in a new tab, waits for its load event, probes it and closes the tab. */
    PageReport open(Path page) throws Exception {
        String target = devtools.call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = devtools.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        List<String> errors = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        Consumer<JsonNode> listener = event -> {
            if (session.equals(event.path("sessionId").asText())) {
                errorOf(event).ifPresent(errors::add);
                if (event.path("method").asText().equals("Page.loadEventFired")) {
                    loaded.complete(null);
                }
            }
        };
        devtools.listen(listener);
        try {
            for (String domain : List.of("Runtime", "Log", "Page")) {
                devtools.call(session, domain + ".enable", Map.of());
            }
            JsonNode navigation = devtools.call(session, "Page.navigate", Map.of("url", page.toUri().toString()));
            if (navigation.has("errorText")) {
                errors.add("navigation error: " + navigation.get("errorText").asText());
                return PageReport.of(page, JSON.createObjectNode(), errors);
            }
            loaded.get(DevTools.REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode result = devtools.call(session, "Runtime.evaluate",
                    Map.of("expression", PageReport.PROBE, "returnByValue", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("the probe failed in " + page + ": " + result.get("exceptionDetails"));
            }
            return PageReport.of(page, JSON.readTree(result.path("result").path("value").asText()), errors);
        } finally {
            devtools.stopListening(listener);
            devtools.call(null, "Target.closeTarget", Map.of("targetId", target));
        }
    }

    /** The error an event reports, if it reports one: an uncaught exception, console.error, a log error. */
    static Optional<String> errorOf(JsonNode event) {
        JsonNode params = event.path("params");
        switch (event.path("method").asText()) {
            case "Runtime.exceptionThrown": {
                JsonNode details = params.path("exceptionDetails");
                String text = details.path("exception").path("description").asText(details.path("text").asText());
                return Optional.of("uncaught exception: " + text.lines().findFirst().orElse(""));
            }
            case "Runtime.consoleAPICalled": {
                String type = params.path("type").asText();
                if (!type.equals("error") && !type.equals("assert")) {
                    return Optional.empty();
                }
                List<String> args = new ArrayList<>();
                params.path("args").forEach(a -> args.add(a.has("value") ? a.get("value").asText() : a.path("description").asText()));
                return Optional.of("console." + type + ": " + String.join(" ", args));
            }
            case "Log.entryAdded": {
                JsonNode entry = params.path("entry");
                if (!entry.path("level").asText().equals("error")) {
                    return Optional.empty();
                }
                String url = entry.path("url").asText();
                return Optional.of("log error: " + entry.path("text").asText() + (url.isEmpty() ? "" : " (" + url + ")"));
            }
            default:
                return Optional.empty();
        }
    }

    /** Ends Chromium and every process it started, then removes its profile. */
    @Override
    public void close() {
        if (devtools != null) {
            devtools.close();
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A child still writing its profile; the temporary folder is only left behind.
        }
    }
}
