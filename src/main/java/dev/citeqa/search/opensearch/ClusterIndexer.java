package dev.citeqa.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Sentence;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.index.StoredPassage;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.jboss.logging.Logger;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.opensearch.indices.update_aliases.Action;

/**
 * Copies the local index's passages into the cluster. Each copy goes into a new physical index named
 * {@code <alias>-<millis>}, and only when it is complete does one alias update move the alias onto it, so that
 * queries see either the old index or the new one, never a half-built one.
 *
 * <p>The passages come from the freshly built local index, that is from the ingest pipeline (parse, clean,
 * chunk, embed) just run: both backends then hold the very same passages, texts and vectors. The cluster's
 * analyzer spells out {@link NewsAnalyzer}'s chain with OpenSearch's built-in filters, so that BM25 sees the
 * same terms in both.
 */
final class ClusterIndexer {

    private static final Logger LOG = Logger.getLogger(ClusterIndexer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String ANALYZER = "news";

    /** Bumped when the mapping or the analyzer changes, so that existing cluster indexes are rebuilt. */
    static final int MAPPING_VERSION = 2;

    private final OpenSearchClient client;
    private final String alias;
    private final int shards;
    private final int replicas;

    ClusterIndexer(OpenSearchClient client, String alias, int shards, int replicas) {
        this.client = client;
        this.alias = alias;
        this.shards = shards;
        this.replicas = replicas;
    }

    /**
     * What an index must record to serve {@code index}: its corpus fingerprint and this mapping's version, and
     * whether its vectors are still to come (the words-first generation of a build shares the fingerprint of
     * the one with vectors that follows it, and must not stand for it).
     */
    static String fingerprint(CorpusIndex index) {
        return index.commitData(IndexConstants.COMMIT_FINGERPRINT) + ";mapping=" + MAPPING_VERSION
                + (index.pendingArticles() > 0 ? ";vectors=pending" : "");
    }

    /** The fingerprint recorded by the index behind the alias, or null when there is no alias yet. */
    String aliasFingerprint() throws IOException {
        try (Response response = send("GET", "/" + alias + "/_mapping", null)) {
            if (response.getStatus() == 404) {
                return null;
            }
            JsonNode mappings = JSON.readTree(body(response));
            // One physical index stands behind the alias.
            JsonNode fingerprint = mappings.elements().next().path("mappings").path("_meta").path("fingerprint");
            return fingerprint.isTextual() ? fingerprint.asText() : null;
        }
    }

    /** Writes {@code index} into a new physical index, moves the alias onto it, and drops all but the last. */
    Stats rebuild(CorpusIndex index) throws IOException {
        long started = System.nanoTime();
        // Time first, so that names sort by age; the random part makes the name this call's alone.
        String name = alias + "-" + String.format("%015d-%08x", System.currentTimeMillis(), RANDOM.nextInt());
        try (Response created = send("PUT", "/" + name, indexDefinition(fingerprint(index), dimension(index)))) {
            String answer = body(created);
            if (!created(created.getStatus(), answer)) {
                throw new IOException("creating index " + name + " failed: HTTP " + created.getStatus() + " " + answer);
            }
        }
        int passages = bulkLoad(index, name);
        try (Response refreshed = send("POST", "/" + name + "/_refresh", null)) {
            check(refreshed, "refreshing " + name);
        }
        List<String> previous = physicalIndexes();
        previous.remove(name);
        List<Action> actions = new ArrayList<>();
        for (String old : aliasedIndexes()) {
            actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias))));
        }
        actions.add(Action.of(a -> a.add(x -> x.index(name).alias(alias))));
        // One request: the alias moves atomically.
        client.indices().updateAliases(u -> u.actions(actions));
        // The index just replaced stays until the next rebuild, so that queries already running on it finish.
        previous.sort(null);
        for (String old : previous.subList(0, Math.max(0, previous.size() - 1))) {
            client.indices().delete(d -> d.index(old));
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        LOG.infof("Indexed %d passages into %s in %d ms (%.0f passages/s); alias %s now points to it", passages,
                name, millis, passages * 1000.0 / millis, alias);
        return new Stats(name, passages, millis);
    }

    record Stats(String index, int passages, long millis) {}

    private int bulkLoad(CorpusIndex index, String name) throws IOException {
        List<BulkOperation> batch = new ArrayList<>(BATCH);
        int count = 0;
        for (LeafReaderContext leaf : index.searcher().getIndexReader().leaves()) {
            StoredFields stored = leaf.reader().storedFields();
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexConstants.VECTOR);
            KnnVectorValues.DocIndexIterator withVector = vectors == null ? null : vectors.iterator();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                String key = stored.document(doc, Set.of(IndexConstants.PASSAGE_KEY)).get(IndexConstants.PASSAGE_KEY);
                if (key == null) {
                    continue; // an article document
                }
                if (withVector != null && withVector.docID() < doc) {
                    withVector.advance(doc);
                }
                // Copied: the reader reuses its buffer for the next vector.
                float[] vector = withVector != null && withVector.docID() == doc
                        ? vectors.vectorValue(withVector.index()).clone() : null;
                Map<String, Object> source = document(index.passage(leaf.docBase + doc), vector);
                batch.add(BulkOperation.of(b -> b.index(i -> i.index(name).id(key).document(source))));
                count++;
                if (batch.size() == BATCH) {
                    send(batch);
                }
            }
        }
        send(batch);
        return count;
    }

    private void send(List<BulkOperation> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        BulkResponse response = client.bulk(b -> b.operations(batch).refresh(Refresh.False));
        if (response.errors()) {
            String reason = response.items().stream().filter(i -> i.error() != null)
                    .map(i -> i.id() + ": " + i.error().reason()).findFirst().orElse("unknown");
            throw new IOException("bulk indexing failed: " + reason);
        }
        batch.clear();
    }

    /** A passage as the cluster stores it: searchable text and vector, plus its offsets and metadata. */
    static Map<String, Object> document(StoredPassage stored, float[] vector) {
        Article article = stored.article();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(IndexConstants.PASSAGE_KEY, stored.passage().key());
        doc.put(IndexConstants.ARTICLE_ID, stored.passage().articleId());
        doc.put(IndexConstants.TITLE, article.metadataText());
        doc.put(IndexConstants.BODY, stored.passage().text());
        if (vector != null) {
            doc.put(IndexConstants.VECTOR, vector);
        }
        List<Map<String, Object>> sentences = new ArrayList<>();
        for (Sentence s : stored.passage().sentences()) {
            sentences.add(Map.of("text", s.text(), "start", s.start(), "end", s.end()));
        }
        doc.put(IndexConstants.SENTENCE, sentences);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("title", article.title());
        meta.put("date", article.date());
        meta.put("outlet", article.outlet());
        doc.put("article", meta);
        return doc;
    }

    /** Settings, analyzer and mapping of a new index; {@code _meta} records what it was built from. */
    String indexDefinition(String fingerprint, int dimension) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode index = root.putObject("settings").putObject("index");
        index.put("number_of_shards", shards).put("number_of_replicas", replicas).put("knn", true);
        ObjectNode analysis = index.putObject("analysis");
        ObjectNode filters = analysis.putObject("filter");
        filters.putObject("news_possessive").put("type", "stemmer").put("language", "possessive_english");
        ArrayNode stopWords = filters.putObject("news_stop").put("type", "stop").putArray("stopwords");
        NewsAnalyzer.textStopWords().forEach(stopWords::add);
        filters.putObject("news_initialisms").put("type", "pattern_replace")
                .put("pattern", NewsAnalyzer.INITIALISM_DOT).put("replacement", "").put("all", true);
        filters.putObject("news_ordinals").put("type", "pattern_replace")
                .put("pattern", NewsAnalyzer.ORDINAL_FIGURE).put("replacement", "$1").put("all", false);
        ArrayNode rules = filters.putObject("news_stem_overrides").put("type", "stemmer_override").putArray("rules");
        NewsAnalyzer.stemOverrides().forEach((form, stem) -> rules.add(form + " => " + stem));
        ArrayNode spellings = filters.putObject("news_spellings").put("type", "stemmer_override").putArray("rules");
        NewsAnalyzer.spellingStems().forEach((british, american) -> spellings.add(british + " => " + american));
        analysis.putObject("char_filter").putObject("news_ampersand_names").put("type", "pattern_replace")
                .put("pattern", NewsAnalyzer.AMPERSAND_NAME).put("replacement", "_");
        ObjectNode analyzer = analysis.putObject("analyzer").putObject(ANALYZER).put("type", "custom")
                .put("tokenizer", "standard");
        analyzer.putArray("char_filter").add("news_ampersand_names");
        ArrayNode chain = analyzer.putArray("filter");
        // NewsAnalyzer's order: ampersand names (a character filter, before the tokenizer), then possessives, lower
        // case, accents, initialisms, ordinals, stop words, stem overrides, Porter, British spellings.
        List.of("news_possessive", "lowercase", "asciifolding", "news_initialisms", "news_ordinals", "news_stop",
                "news_stem_overrides", "porter_stem", "news_spellings").forEach(chain::add);

        ObjectNode mappings = root.putObject("mappings");
        mappings.put("dynamic", "strict");
        mappings.putObject("_meta").put("fingerprint", fingerprint);
        ObjectNode properties = mappings.putObject("properties");
        properties.putObject(IndexConstants.PASSAGE_KEY).put("type", "keyword");
        properties.putObject(IndexConstants.ARTICLE_ID).put("type", "keyword");
        properties.putObject(IndexConstants.TITLE).put("type", "text").put("analyzer", ANALYZER);
        properties.putObject(IndexConstants.BODY).put("type", "text").put("analyzer", ANALYZER);
        // HNSW on the Lucene engine: it needs no native library, which the plugin build on Maven Central lacks.
        // Inner product on unit vectors is the cosine, and its score keeps the local dot product's order.
        properties.putObject(IndexConstants.VECTOR).put("type", "knn_vector").put("dimension", dimension)
                .putObject("method").put("name", "hnsw").put("engine", "lucene").put("space_type", "innerproduct");
        // Offsets and metadata travel with each hit but are never searched.
        properties.putObject(IndexConstants.SENTENCE).put("type", "object").put("enabled", false);
        properties.putObject("article").put("type", "object").put("enabled", false);
        return root.toString();
    }

    /** The embedding size; any will do for an index without embeddings (BM25 mode). */
    private static int dimension(CorpusIndex index) throws IOException {
        for (LeafReaderContext leaf : index.searcher().getIndexReader().leaves()) {
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexConstants.VECTOR);
            if (vectors != null) {
                return vectors.dimension();
            }
        }
        return 1;
    }

    /** Every physical index this alias has used, oldest first. */
    private List<String> physicalIndexes() throws IOException {
        try (Response response = send("GET", "/_cat/indices/" + alias + "-*?h=index&format=json", null)) {
            List<String> names = new ArrayList<>();
            if (response.getStatus() == 200) {
                JSON.readTree(body(response)).forEach(n -> names.add(n.path("index").asText()));
            }
            return names;
        }
    }

    private List<String> aliasedIndexes() throws IOException {
        try (Response response = send("GET", "/_alias/" + alias, null)) {
            List<String> names = new ArrayList<>();
            if (response.getStatus() == 200) {
                JSON.readTree(body(response)).fieldNames().forEachRemaining(names::add);
            }
            return names;
        }
    }

    private Response send(String method, String endpoint, String json) throws IOException {
        var request = Requests.builder().method(method).endpoint(endpoint);
        if (json != null) {
            request.json(json);
        }
        return client.generic().execute(request.build());
    }

    private static String body(Response response) {
        return response.getBody().map(Body::bodyAsString).orElse("{}");
    }

    /**
     * Whether a request to create an index of a name no other call uses succeeded. The client fails over to
     * another node when one is slow to answer, and the first may have created the index meanwhile: the second
     * then answers that it exists, which is this call's own index.
     */
    static boolean created(int status, String body) {
        return status < 300 || status == 400 && body.contains("resource_already_exists_exception");
    }

    private static void check(Response response, String what) throws IOException {
        if (response.getStatus() >= 300) {
            throw new IOException(what + " failed: HTTP " + response.getStatus() + " " + body(response));
        }
    }
}
