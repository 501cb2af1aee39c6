package krishiv.gateway.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import krishiv.gateway.bus.message.EventInfo;

/**
 * The live subscribers of one shard (any key type: the shard uses {@link Subscriber}), indexed by what they filter on, so that an event visits only the
 * subscribers that may want it: every unfiltered subscriber, plus those indexed under the event's job, executor
 * or kind. A filtered subscriber is indexed under one dimension only (job, else executor, else kind: the most
 * selective it has) and its other dimensions are checked on the candidates, so it is visited at most once.
 *
 * <p>Owned by one event loop. Callers must not add or remove while {@link #forEachMatching} runs (the shard
 * defers such changes).
 */
final class SubscriberIndex<S> {
  private final Set<S> unfiltered = new LinkedHashSet<>();
  private List<S> unfilteredList = List.of();
  private boolean unfilteredChanged;
  private final Map<String, Set<S>> byJob = new HashMap<>();
  private final Map<String, Set<S>> byExecutor = new HashMap<>();
  private final Map<String, Set<S>> byKind = new HashMap<>();
  private final Map<S, EventFilter> indexedAs = new HashMap<>();

  void add(S s, EventFilter f) {
    remove(s);
    indexedAs.put(s, f);
    if (f.matchesAll()) {
      unfiltered.add(s);
      unfilteredChanged = true;
    } else if (!f.jobIds().isEmpty()) {
      f.jobIds().forEach(v -> byJob.computeIfAbsent(v, k -> new LinkedHashSet<>()).add(s));
    } else if (!f.executorIds().isEmpty()) {
      f.executorIds().forEach(v -> byExecutor.computeIfAbsent(v, k -> new LinkedHashSet<>()).add(s));
    } else {
      f.kinds().forEach(v -> byKind.computeIfAbsent(v, k -> new LinkedHashSet<>()).add(s));
    }
  }

  void remove(S s) {
    EventFilter f = indexedAs.remove(s);
    if (f == null) {
      return;
    }
    if (f.matchesAll()) {
      unfiltered.remove(s);
      unfilteredChanged = true;
    } else if (!f.jobIds().isEmpty()) {
      f.jobIds().forEach(v -> removeFrom(byJob, v, s));
    } else if (!f.executorIds().isEmpty()) {
      f.executorIds().forEach(v -> removeFrom(byExecutor, v, s));
    } else {
      f.kinds().forEach(v -> removeFrom(byKind, v, s));
    }
  }

  private static <S> void removeFrom(Map<String, Set<S>> map, String key, S s) {
    Set<S> set = map.get(key);
    if (set != null && set.remove(s) && set.isEmpty()) {
      map.remove(key);
    }
  }

  int size() {
    return indexedAs.size();
  }

  /** Calls {@code visit} for every subscriber whose filter matches {@code e}, each once. */
  void forEachMatching(EventInfo e, Consumer<S> visit) {
    if (unfilteredChanged) {
      unfilteredList = new ArrayList<>(unfiltered);
      unfilteredChanged = false;
    }
    for (S s : unfilteredList) {
      visit.accept(s);
    }
    visitCandidates(e.jobId() == null ? null : byJob.get(e.jobId()), e, visit);
    visitCandidates(e.executorId() == null ? null : byExecutor.get(e.executorId()), e, visit);
    visitCandidates(byKind.get(e.eventKind()), e, visit);
  }

  private void visitCandidates(Set<S> candidates, EventInfo e, Consumer<S> visit) {
    if (candidates == null) {
      return;
    }
    for (S s : candidates) {
      if (indexedAs.get(s).matches(e)) {
        visit.accept(s);
      }
    }
  }
}
