package dev.citeqa.chat;

import dev.citeqa.answer.extractive.EntityTagger;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.index.ArticleHeader;
import dev.citeqa.index.CorpusIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Questions to offer on an empty chat, drawn from the corpus itself: "Who is X?" for the people mentioned in
 * the most articles. Each candidate is tried on the built-in answerer, and only those it answers are offered,
 * so a suggestion never leads to "the corpus does not say". A large corpus is sampled: tagging every article
 * of 100,000 would take minutes for four suggestions.
 */
public final class StarterQuestions {

    private static final int CANDIDATES = 12;
    private static final int SAMPLE = 300;

    private final ChatService chat;
    private final int wanted;
    private volatile CorpusIndex computedFor;
    private volatile List<String> questions = List.of();

    public StarterQuestions(ChatService chat, int wanted) {
        this.chat = chat;
        this.wanted = wanted;
    }

    public List<String> get(CorpusIndex index) {
        if (computedFor != index) {
            synchronized (this) {
                if (computedFor != index) {
                    questions = compute(index);
                    computedFor = index;
                }
            }
        }
        return questions;
    }

    private List<String> compute(CorpusIndex index) {
        Map<String, Set<String>> articlesByPerson = new HashMap<>();
        List<ArticleHeader> all = index.articles();
        int step = Math.max(1, all.size() / SAMPLE);
        for (int i = 0; i < all.size(); i += step) {
            Article article = index.article(all.get(i).id()).orElseThrow();
            for (Paragraph p : article.paragraphs()) {
                for (EntityTagger.Entity e : EntityTagger.tag(p.text())) {
                    if (e.kind() == EntityTagger.Kind.PERSON) {
                        String name = EntityTagger.personName(e.text());
                        if (name.contains(" ")) {
                            articlesByPerson.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(article.id());
                        }
                    }
                }
            }
        }
        List<String> people = new ArrayList<>(articlesByPerson.keySet());
        people.sort((a, b) -> articlesByPerson.get(b).size() != articlesByPerson.get(a).size()
                ? Integer.compare(articlesByPerson.get(b).size(), articlesByPerson.get(a).size())
                : a.compareTo(b));
        List<String> answered = new ArrayList<>();
        for (String person : people.subList(0, Math.min(CANDIDATES, people.size()))) {
            String question = "Who is " + person + "?";
            if (chat.answerable(question)) {
                answered.add(question);
            }
            if (answered.size() >= wanted) {
                break;
            }
        }
        return List.copyOf(answered);
    }
}
