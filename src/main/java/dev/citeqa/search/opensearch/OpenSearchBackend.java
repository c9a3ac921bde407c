package dev.citeqa.search.opensearch;

import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.search.Ranker;
import dev.citeqa.search.SearchUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.jboss.logging.Logger;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch.cluster.HealthResponse;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Ranks passages in an OpenSearch cluster: BM25 and k-NN there, then fusion, diversification and reading the
 * passages back here, as for the embedded index. The cluster holds a copy of the local index's passages behind
 * an alias; a background task keeps the copy in step with the local index, so that the service starts, and
 * recovers, whether or not the cluster is up.
 */
public final class OpenSearchBackend implements Ranker, Closeable {

    private static final Logger LOG = Logger.getLogger(OpenSearchBackend.class);
    /** Retry interval of the copy while the cluster is unreachable. */
    private static final long RETRY_SECONDS = 5;
    /**
     * Hits asked beyond the depth. The local index breaks score ties by document number, the cluster by shard
     * and segment; the extra hits let ties at the cut be broken the local way.
     */
    private static final int TIE_MARGIN = 10;

    private final OpenSearchClient client;
    private final ApacheHttpClient5Transport transport;
    private final String alias;
    private final ClusterIndexer indexer;
    private final ScheduledExecutorService copier = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("citeqa-opensearch-sync").daemon().factory());
    private volatile CorpusIndex wanted;
    private volatile String copied;
    private volatile String lastFailure;

    public OpenSearchBackend(CiteQaConfig.OpenSearch config) {
        HttpHost[] hosts = config.hosts().stream().map(OpenSearchBackend::host).toArray(HttpHost[]::new);
        Timeout timeout = Timeout.of(config.timeout());
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setConnectionConfigCallback(c -> c.setConnectTimeout(timeout).setSocketTimeout(timeout))
                .setRequestConfigCallback(r -> r.setResponseTimeout(timeout).setConnectionRequestTimeout(timeout));
        if (config.username().isPresent()) {
            var credentials = new BasicCredentialsProvider();
            for (HttpHost host : hosts) {
                credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(
                        config.username().get(), config.password().orElse("").toCharArray()));
            }
            builder.setHttpClientConfigCallback(client -> client.setDefaultCredentialsProvider(credentials));
        }
        this.transport = builder.build();
        this.client = new OpenSearchClient(transport);
        this.alias = config.index();
        this.indexer = new ClusterIndexer(client, alias, config.shards(), config.replicas());
    }

    private static HttpHost host(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("citeqa.opensearch.hosts: not a URL: " + url);
        }
        return new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() < 0 ? 9200 : uri.getPort());
    }

    /**
     * Keeps the cluster's copy in step with {@code index}: now in the background, and again every few seconds
     * until it succeeds. An alias that already holds this index's passages is reused as it is.
     */
    public void follow(CorpusIndex index) {
        wanted = index;
        copier.execute(this::copyIfNeeded);
    }

    private void copyIfNeeded() {
        CorpusIndex index = wanted;
        if (index == null || ClusterIndexer.fingerprint(index).equals(copied)) {
            return;
        }
        try {
            String fingerprint = ClusterIndexer.fingerprint(index);
            if (fingerprint.equals(indexer.aliasFingerprint())) {
                LOG.infof("Reusing OpenSearch index %s: it holds the current corpus", alias);
            } else {
                indexer.rebuild(index);
            }
            copied = fingerprint;
            lastFailure = null;
        } catch (IOException | RuntimeException e) {
            // Also a local index closed mid-copy after a reindex replaced it: the retry copies the new one.
            lastFailure = e.getMessage();
            LOG.warnf("Cannot copy the index to OpenSearch (%s); retrying in %d s", e.getMessage(), RETRY_SECONDS);
            copier.schedule(this::copyIfNeeded, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Copies {@code index} into a new physical index and moves the alias, even if the alias already has it. */
    public ClusterIndexer.Stats reindex(CorpusIndex index) throws IOException {
        ClusterIndexer.Stats stats = indexer.rebuild(index);
        wanted = index;
        copied = ClusterIndexer.fingerprint(index);
        return stats;
    }

    /**
     * The cluster as readiness reports it.
     *
     * @param ready reachable, not red, and the alias holds the current index
     * @param health green, yellow, red, or unreachable
     */
    public record Status(boolean ready, String health, int nodes, boolean copied, String failure) {}

    public Status status() {
        boolean current = wanted != null && ClusterIndexer.fingerprint(wanted).equals(copied);
        try {
            HealthResponse health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
            String status = health.status().jsonValue();
            return new Status(current && !status.equals("red"), status, health.numberOfNodes(), current, lastFailure);
        } catch (IOException | OpenSearchException e) {
            return new Status(false, "unreachable", 0, current, e.getMessage());
        }
    }

    @Override
    public TopDocs lexical(CorpusIndex index, Query query, int depth) {
        // DFS: term statistics from all shards, so that BM25 scores as one index would, as the local one does.
        return ranked(index, SearchRequest.of(s -> s.index(alias).searchType(SearchType.DfsQueryThenFetch)
                .query(QueryTranslator.translate(query)).size(depth + TIE_MARGIN)
                .source(src -> src.fetch(false))), depth);
    }

    @Override
    public TopDocs nearest(CorpusIndex index, float[] vector, int depth) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        TopDocs hits = ranked(index, SearchRequest.of(s -> s.index(alias)
                .query(q -> q.knn(k -> k.field("vector").vector(values).k(depth + TIE_MARGIN)))
                .size(depth + TIE_MARGIN).source(src -> src.fetch(false))), depth);
        // The inner-product space scores d + 1 for d >= 0 and 1 / (1 - d) below; Lucene's dot product (1 + d) / 2.
        for (ScoreDoc hit : hits.scoreDocs) {
            double d = hit.score >= 1 ? hit.score - 1 : 1 - 1 / (double) hit.score;
            hit.score = (float) ((1 + d) / 2);
        }
        return hits;
    }

    /**
     * The hits as documents of the local index, best first and ties by document number as Lucene orders them.
     * A hit the local index lacks (the cluster still holds the previous corpus) is left out.
     */
    private TopDocs ranked(CorpusIndex index, SearchRequest request, int depth) {
        SearchResponse<Map> response;
        try {
            response = client.search(request, Map.class);
        } catch (IOException | OpenSearchException e) {
            throw new SearchUnavailableException("OpenSearch cannot be queried: " + e.getMessage(), e);
        }
        List<ScoreDoc> docs = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            OptionalInt doc = index.passageDoc(hit.id());
            if (doc.isPresent() && hit.score() != null) {
                docs.add(new ScoreDoc(doc.getAsInt(), hit.score().floatValue()));
            }
        }
        docs.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
        List<ScoreDoc> top = docs.subList(0, Math.min(depth, docs.size()));
        return new TopDocs(new TotalHits(top.size(), TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
                top.toArray(ScoreDoc[]::new));
    }

    @Override
    public void close() throws IOException {
        copier.shutdownNow();
        transport.close();
    }

    @Override
    public String toString() {
        return "opensearch[" + alias + "]";
    }
}
