package dev.ecswasm.workbench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Chrome DevTools Protocol connection to a browser over one WebSocket: commands and their
 * replies, and the events. Pages are reached through flat sessions (a {@code sessionId} beside
 * each command), so one socket serves every page.
 */
final class DevTools implements AutoCloseable {
    /** Generous: the machines that run the build may be busy. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final WebSocket socket;

    private DevTools(URI browser) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(REPLY_TIMEOUT)
                .buildAsync(browser, new Receiver())
                .orTimeout(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    static DevTools connect(URI browser) {
        return new DevTools(browser);
    }

    /** Sends a command (to the browser when {@code session} is null) and returns its result. */
    JsonNode call(String session, String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        synchronized (socket) { // one send at a time, as WebSocket demands
            socket.sendText(JSON.writeValueAsString(message), true).join();
        }
        JsonNode answer;
        try {
            answer = reply.get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("DevTools did not answer " + method + " within " + REPLY_TIMEOUT.toSeconds() + " s");
        } finally {
            replies.remove(id);
        }
        if (answer.has("error")) {
            throw new IllegalStateException("DevTools refused " + method + ": " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Every event from now on goes to {@code listener} (on the socket's thread) until it is removed. */
    void listen(Consumer<JsonNode> listener) {
        listeners.add(listener);
    }

    void stopListening(Consumer<JsonNode> listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            replies.values().forEach(r -> r.completeExceptionally(error));
        }

        private void dispatch(String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException("DevTools sent what is not JSON: " + text, e);
            }
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = replies.get(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            } else {
                listeners.forEach(l -> l.accept(message));
            }
        }
    }
}
