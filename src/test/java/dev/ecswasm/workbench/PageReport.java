package dev.ecswasm.workbench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a page showed in the browser: its SVG pictures with their rendered sizes, the errors it
 * logged, the URLs it fetched and the links it holds; {@link #problems()} judges them.
 */
record PageReport(Path page, List<Picture> pictures, List<String> errors, List<String> fetched, List<String> links) {

    /**
     * Run in the page once it has loaded; returns the report's parts as a JSON string. An
     * {@code <img>} counts when its source is an SVG data: URI; an inline {@code <svg>} is judged by
     * what it draws (its content's bounding box), since one emptied by a sanitizer keeps its size.
     */
    static final String PROBE = """
            (() => {
              const pictures = [];
              for (const img of document.images) {
                if (!img.src.startsWith('data:image/svg+xml')) continue;
                const box = img.getBoundingClientRect();
                pictures.push({kind: 'img', name: img.alt, width: box.width, height: box.height,
                               decoded: img.complete && img.naturalWidth > 0});
              }
              for (const svg of document.querySelectorAll('svg')) {
                if (svg.parentElement && svg.parentElement.closest('svg')) continue; // part of its outer picture
                const box = svg.getBBox();
                const title = svg.querySelector('title');
                pictures.push({kind: 'svg', name: title ? title.textContent : '', width: box.width,
                               height: box.height, decoded: true});
              }
              const fetched = performance.getEntriesByType('resource').map(r => r.name)
                  .concat([...document.querySelectorAll('[src], link[href]')].map(e => e.src || e.href));
              const links = [...document.querySelectorAll('a[href]')].map(a => a.href);
              return JSON.stringify({pictures, fetched, links});
            })()""";

    record Picture(String kind, String name, double width, double height, boolean decoded) {
        @Override
        public String toString() {
            return kind + " \"" + name + "\"";
        }
    }

    static PageReport of(Path page, JsonNode probe, List<String> errors) {
        List<Picture> pictures = new ArrayList<>();
        probe.path("pictures").forEach(p -> pictures.add(new Picture(p.path("kind").asText(), p.path("name").asText(),
                p.path("width").asDouble(), p.path("height").asDouble(), p.path("decoded").asBoolean())));
        return new PageReport(page, List.copyOf(pictures), List.copyOf(errors), texts(probe.path("fetched")),
                texts(probe.path("links")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /**
     * One line per thing wrong with the page; empty when it is fine. What it fetches and links to
     * must be files under {@code site}, so the site works wherever it is copied.
     */
    List<String> problems(Path site) {
        Path root = site.toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            Picture p = pictures.get(i);
            String which = "picture " + (i + 1) + " (" + p + ")";
            if (p.width() <= 0 || p.height() <= 0) {
                found.add(which + (p.kind().equals("svg") ? " draws nothing: its content is " : " is ")
                        + Math.round(p.width()) + "x" + Math.round(p.height()) + " px");
            } else if (!p.decoded()) { // a broken image still takes the room of its alt text
                found.add(which + " did not decode");
            }
        }
        errors.forEach(e -> found.add("logged " + e));
        for (String url : fetched.stream().distinct().toList()) {
            if (!url.startsWith("data:") && !url.startsWith("file:")) {
                found.add("fetched " + url + ": a page must work with no network");
            } else if (url.startsWith("file:") && !file(url).startsWith(root)) {
                found.add("fetched " + url + ", which is outside the site");
            }
        }
        for (String link : links) {
            if (link.startsWith("file:")) {
                Path target = file(link);
                if (!Files.exists(target)) {
                    found.add("links to " + link + ", which does not exist");
                } else if (!target.startsWith(root)) {
                    found.add("links to " + link + ", which is outside the site");
                }
            }
        }
        return found;
    }

    private static Path file(String url) {
        return Path.of(URI.create(url.replaceFirst("[?#].*", ""))).normalize();
    }
}
