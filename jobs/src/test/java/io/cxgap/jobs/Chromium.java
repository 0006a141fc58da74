package io.cxgap.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real headless Chromium, driven over the DevTools protocol with java.net.http's WebSocket: one
 * page, commands with {@link #send}, events recorded in order. The browser runs with a fresh
 * profile and without background networking, so every request a test sees comes from the page.
 */
final class Chromium implements AutoCloseable {
  static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private WebSocket socket;

  /** The browser to use: {@code CXGAP_CHROMIUM}, else /usr/bin/chromium, if it is executable. */
  static Optional<Path> binary() {
    String env = System.getenv("CXGAP_CHROMIUM");
    Path p = env == null || env.isBlank() ? DEFAULT_BINARY : Path.of(env);
    return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
  }

  private Chromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
  }

  static Chromium launch(Path binary) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("cxgap-chromium");
    List<String> cmd =
        List.of(
            binary.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--mute-audio",
            "--hide-scrollbars",
            "--user-data-dir=" + profile,
            "--remote-debugging-port=0",
            "about:blank");
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Chromium c = new Chromium(p, profile);
    try {
      c.connect(c.readDevToolsUrl());
    } catch (IOException | RuntimeException | InterruptedException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * Reads stderr until Chromium prints its DevTools address; keeps the lines for error messages.
   */
  private URI readDevToolsUrl() throws IOException, InterruptedException {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  stderr.add(line);
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                url.completeExceptionally(e);
              }
              url.completeExceptionally(
                  new IOException("chromium exited before DevTools listened"));
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return URI.create(url.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new IOException(
          "chromium did not start: " + e.getMessage() + "; stderr:\n" + String.join("\n", stderr),
          e);
    }
  }

  /** Attaches to the browser's first page target through its /json/list endpoint. */
  private void connect(URI browser) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
    String pageUrl = null;
    for (int attempt = 0; attempt < 50 && pageUrl == null; attempt++) {
      String body =
          http.send(
                  HttpRequest.newBuilder(list).timeout(TIMEOUT).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (JsonNode t : JSON.readTree(body)) {
        if ("page".equals(t.path("type").asText())) {
          pageUrl = t.path("webSocketDebuggerUrl").asText();
          break;
        }
      }
      if (pageUrl == null) {
        Thread.sleep(100);
      }
    }
    if (pageUrl == null) {
      throw new IOException("chromium has no page target at " + list);
    }
    socket =
        http.newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(URI.create(pageUrl), new Listener())
            .join();
  }

  /** Sends one command and waits for its result; a protocol error fails with its message. */
  JsonNode send(String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(msg.toString(), true).join();
    JsonNode r;
    try {
      r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + ": no reply in " + TIMEOUT + " (" + e + ")", e);
    }
    if (r.has("error")) {
      throw new IllegalStateException(method + " failed: " + r.get("error"));
    }
    return r.path("result");
  }

  /** A future of the next event named {@code method}; arm it before the command that causes it. */
  CompletableFuture<JsonNode> next(String method) {
    return waiting.computeIfAbsent(method, m -> new CompletableFuture<>());
  }

  /** Every event named {@code method} so far, in arrival order. */
  List<JsonNode> events(String method) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : events) {
      if (method.equals(e.path("method").asText())) {
        out.add(e.path("params"));
      }
    }
    return out;
  }

  /** Runs a JavaScript expression in the page and returns its value (JSON-serialisable). */
  JsonNode evaluate(String expression) {
    JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode msg = JSON.readTree(text);
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) {
              f.complete(msg);
            }
          } else {
            events.add(msg);
            CompletableFuture<JsonNode> w = waiting.remove(msg.path("method").asText());
            if (w != null) {
              w.complete(msg.path("params"));
            }
          }
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a leftover temp profile is harmless
    }
  }
}
