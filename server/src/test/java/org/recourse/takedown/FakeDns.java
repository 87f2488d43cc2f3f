package org.recourse.takedown;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.recourse.directory.internal.hosting.DnsLookup;

/** Answers DNS lookups from a table the test fills; unknown names have no address. */
public final class FakeDns implements DnsLookup {

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public void answer(String host, List<String> aliases, String... addresses) {
        answers.put(host, new Answer(aliases, List.of(addresses)));
    }

    @Override
    public Answer lookup(String host) {
        return answers.getOrDefault(host, new Answer(List.of(), List.of()));
    }
}
