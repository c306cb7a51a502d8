package org.uncac.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The recorded history as the files in {@code history/} give it (see {@code history/FORMAT.md}): one file per
 * document, read in the order of their names. A meeting, recommendation or note verbale that several documents
 * speak of is declared in each; the declarations are merged field by field. A date known only to its year or
 * month gives way to a date known to the day; two different values of any other field are a conflict
 * ({@link #problems()}), and the first file's value stands.
 */
public final class History {

    /** A fact and the document that states it. */
    public record Fact(JsonNode node, Document document) {
        public String source() {
            return document.cite(node.path("source").asText(""));
        }
    }

    /** A seed document: its symbol where printed, else its title and date. */
    public record Document(String file, String symbol, String title, String date) {
        /** The document and paragraph as a published figure's source names them. */
        public String name() {
            return symbol != null ? symbol : title + " (" + date + ")";
        }

        public String cite(String paragraph) {
            return paragraph == null || paragraph.isBlank() ? name() : name() + ", " + paragraph;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What each document kind declares under a key, merged across documents. */
    static final List<String> KEYED = List.of("meetings", "recommendations", "notesVerbales");
    /** Fields that say how a declaration was read, not what it states: not merged, never a conflict. */
    private static final List<String> NOTES = List.of("source", "dateNote", "adoptedOnNote", "asAtNote", "reportedIn",
            "context", "alsoStated", "adoptedOnBetween", "recommendationNote", "kind", "subjectNote");

    private final List<Document> documents = new ArrayList<>();
    private final Map<String, Map<String, ObjectNode>> keyed = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Fact>>> declarations = new LinkedHashMap<>();
    private final List<Fact> followUp = new ArrayList<>();
    private final List<Fact> reaffirmations = new ArrayList<>();
    private final List<Fact> proposals = new ArrayList<>();
    private final List<Fact> figures = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private History() {
        KEYED.forEach(kind -> {
            keyed.put(kind, new LinkedHashMap<>());
            declarations.put(kind, new LinkedHashMap<>());
        });
    }

    /** Reads every {@code *.json} of the folder, in the order of their names. */
    public static History read(Path folder) throws IOException {
        History history = new History();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                history.add(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        }
        return history;
    }

    private void add(String file, JsonNode root) {
        JsonNode d = root.path("document");
        Document document = new Document(file, text(d, "symbol"), text(d, "title"), text(d, "date"));
        if (document.title() == null || document.date() == null) {
            problems.add(file + ": the document needs a title and a date");
        }
        documents.add(document);
        for (String kind : KEYED) {
            for (JsonNode node : root.path(kind)) {
                requireSource(document, kind, node);
                String key = node.path("key").asText("");
                if (key.isEmpty()) {
                    problems.add(file + ": a " + kind + " entry without a key (" + node.path("source").asText() + ")");
                    continue;
                }
                declarations.get(kind).computeIfAbsent(key, k -> new ArrayList<>()).add(new Fact(node, document));
                ObjectNode merged = keyed.get(kind).get(key);
                if (merged == null) {
                    keyed.get(kind).put(key, (ObjectNode) node.deepCopy());
                } else {
                    merge(kind + " " + key, merged, node, document);
                }
            }
        }
        collect(root, "followUp", document, followUp);
        collect(root, "reaffirmations", document, reaffirmations);
        collect(root, "proposals", document, proposals);
        collect(root, "publishedFigures", document, figures);
    }

    private void collect(JsonNode root, String kind, Document document, List<Fact> into) {
        for (JsonNode node : root.path(kind)) {
            requireSource(document, kind, node);
            into.add(new Fact(node, document));
        }
    }

    private void requireSource(Document document, String kind, JsonNode node) {
        if (node.path("source").asText("").isBlank()) {
            problems.add(document.file() + ": a " + kind + " entry without a source: " + abbreviate(node.toString()));
        }
    }

    private void merge(String what, ObjectNode merged, JsonNode node, Document document) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode known = merged.get(name);
            if (NOTES.contains(name) || name.endsWith("KnownTo") || value.isNull()) {
                continue;
            }
            if (known == null || known.isNull()) {
                merged.set(name, value.deepCopy());
                copyKnownTo(merged, node, name);
            } else if (!known.equals(value)) {
                boolean knownIsPeriod = merged.hasNonNull(name + "KnownTo");
                boolean newIsPeriod = node.hasNonNull(name + "KnownTo");
                if (knownIsPeriod && !newIsPeriod) {
                    merged.set(name, value.deepCopy());          // the day is known now: it replaces the period
                    merged.remove(name + "KnownTo");
                } else if (!newIsPeriod && !(known.isObject() && value.isObject()) && !(known.isArray() && value.isArray())) {
                    problems.add(what + ": " + name + " is " + abbreviate(known.toString()) + " in an earlier document but "
                            + abbreviate(value.toString()) + " in " + document.file() + " (" + node.path("source").asText() + ")");
                }
            }
        }
    }

    private static void copyKnownTo(ObjectNode merged, JsonNode node, String name) {
        if (node.hasNonNull(name + "KnownTo")) {
            merged.set(name + "KnownTo", node.get(name + "KnownTo").deepCopy());
        }
    }

    /** Conflicts between documents and entries without a source; empty when the history is consistent. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<Document> documents() {
        return List.copyOf(documents);
    }

    /** The merged declarations of a kind ("meetings", "recommendations", "notesVerbales") by key, in file order. */
    public Map<String, ObjectNode> keyed(String kind) {
        return keyed.get(kind);
    }

    /** Every declaration of a key, with its document (the first one's document is where it was first stated). */
    public List<Fact> declarations(String kind, String key) {
        return declarations.get(kind).getOrDefault(key, List.of());
    }

    public List<Fact> followUp() {
        return List.copyOf(followUp);
    }

    public List<Fact> reaffirmations() {
        return List.copyOf(reaffirmations);
    }

    public List<Fact> proposals() {
        return List.copyOf(proposals);
    }

    public List<Fact> figures() {
        return List.copyOf(figures);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
