package org.organizingworkbench.review;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Allocation over thousands of random rounds (seeded, so a failure repeats): students submit in random batches
 * (late submitters included), reviewers miss deadlines, staff excuse students, and after every step each invariant
 * of {@link Allocation} is checked.
 */
class AllocationPropertiesTest {

    private static final int ROUNDS = 3000;

    @Test
    void everyInvariantHoldsOverRandomRounds() {
        Random random = new Random(20261206L);
        for (int round = 0; round < ROUNDS; round++) {
            new Simulation(random, round).run();
        }
    }

    @Test
    void aRoundWhereEveryoneSubmitsTogetherIsEvenAndHasNoReciprocalPairs() {
        Random random = new Random(7L);
        for (int round = 0; round < 1000; round++) {
            int k = 1 + random.nextInt(3);
            int n = 2 * k + 1 + random.nextInt(40);
            List<Participant> people = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                people.add(new Participant(1000 + random.nextInt(1_000_000) * 10L + i, 0, random.nextInt(5), true, false));
            }
            List<Pairing> pairs = Allocation.allocate(k, ReviewScope.COURSE, people, List.of());
            Map<Long, Integer> reviews = count(pairs, true);
            Map<Long, Integer> loads = count(pairs, false);
            for (Participant p : people) {
                assertEquals(k, reviews.getOrDefault(p.id(), 0), "every piece gets exactly k reviews, n=" + n + " k=" + k);
                assertEquals(k, loads.getOrDefault(p.id(), 0), "every reviewer gets exactly k pieces, n=" + n + " k=" + k);
            }
            Set<String> seen = new HashSet<>();
            pairs.forEach(p -> seen.add(p.reviewer() + ">" + p.author()));
            for (Pairing p : pairs) {
                assertTrue(!seen.contains(p.author() + ">" + p.reviewer()), "no reciprocal pair with n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void theSameRoundGivesTheSamePairingsWhateverOrderItIsGivenIn() {
        Random random = new Random(11L);
        for (int round = 0; round < 200; round++) {
            List<Participant> people = new ArrayList<>();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                people.add(new Participant(i + 1, random.nextInt(3), random.nextInt(10), random.nextInt(8) > 0, random.nextBoolean()));
            }
            List<Pairing> first = Allocation.allocate(2, ReviewScope.COURSE, people, List.of());
            List<Participant> shuffled = new ArrayList<>(people);
            Collections.shuffle(shuffled, random);
            assertEquals(first, Allocation.allocate(2, ReviewScope.COURSE, shuffled, List.of()));
        }
    }

    private static Map<Long, Integer> count(List<Pairing> pairs, boolean byAuthor) {
        Map<Long, Integer> counts = new HashMap<>();
        pairs.stream().filter(Pairing::active).forEach(p -> counts.merge(byAuthor ? p.author() : p.reviewer(), 1, Integer::sum));
        return counts;
    }

    /** One random round, step by step. */
    private static final class Simulation {
        private final Random random;
        private final int round;
        private final int perPiece;
        private final ReviewScope scope;
        private final List<Participant> waiting = new ArrayList<>();
        private final Map<Long, Participant> present = new HashMap<>();
        private final List<Pairing> pairs = new ArrayList<>();

        Simulation(Random random, int round) {
            this.random = random;
            this.round = round;
            this.perPiece = 1 + random.nextInt(4);
            this.scope = ReviewScope.values()[random.nextInt(ReviewScope.values().length)];
            int n = random.nextInt(45);
            int groups = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                waiting.add(new Participant(100 + i * 7L, random.nextInt(groups + 1), 0, true, false));
            }
            Collections.shuffle(waiting, random);
        }

        void run() {
            int arrival = 0;
            while (!waiting.isEmpty()) {
                int batch = 1 + random.nextInt(Math.max(1, waiting.size()));
                List<Long> newcomers = new ArrayList<>();
                for (int i = 0; i < batch && !waiting.isEmpty(); i++) {
                    Participant p = waiting.remove(waiting.size() - 1);
                    present.put(p.id(), new Participant(p.id(), p.group(), arrival++, true, false));
                    newcomers.add(p.id());
                }
                step("arrivals " + newcomers, false);
                if (random.nextInt(4) == 0) {
                    missDeadlines();
                    step("missed deadlines", false);
                }
                if (random.nextInt(6) == 0 && !present.isEmpty()) {
                    excuseSomeone();
                    step("excused", false);
                }
            }
            step("the due time", true);
        }

        private void missDeadlines() {
            for (int i = 0; i < pairs.size(); i++) {
                Pairing p = pairs.get(i);
                if (p.active() && random.nextInt(5) == 0) {
                    pairs.set(i, new Pairing(p.reviewer(), p.author(), false));
                    Participant r = present.get(p.reviewer());
                    present.put(r.id(), new Participant(r.id(), r.group(), r.arrival(), r.reviews(), true));
                }
            }
        }

        private void excuseSomeone() {
            List<Long> ids = new ArrayList<>(present.keySet());
            Collections.sort(ids);
            Participant p = present.get(ids.get(random.nextInt(ids.size())));
            present.put(p.id(), new Participant(p.id(), p.group(), p.arrival(), false, p.missed()));
            for (int i = 0; i < pairs.size(); i++) {
                Pairing q = pairs.get(i);
                if (q.active() && q.reviewer() == p.id()) {
                    pairs.set(i, new Pairing(q.reviewer(), q.author(), false));
                }
            }
        }

        private void step(String what, boolean closing) {
            List<Participant> people = new ArrayList<>(present.values());
            List<Pairing> added = Allocation.allocate(perPiece, scope, people, pairs, closing);
            assertEquals(added, Allocation.allocate(perPiece, scope, people, pairs, closing), "deterministic");
            pairs.addAll(added);
            check(what, added, closing);
        }

        private void check(String what, List<Pairing> added, boolean closing) {
            String where = "round " + round + " (k=" + perPiece + ", " + scope + ", " + present.size() + " present) after "
                    + what + ": ";
            Set<String> everPaired = new HashSet<>();
            for (Pairing p : pairs) {
                if (p.reviewer() == p.author()) {
                    fail(where + "self-review " + p);
                }
                if (!everPaired.add(p.reviewer() + ">" + p.author())) {
                    fail(where + "the same pair twice " + p);
                }
                Participant r = present.get(p.reviewer());
                Participant a = present.get(p.author());
                if (!scope.allows(r.group(), a.group())) {
                    fail(where + "out of scope " + p);
                }
            }
            for (Pairing p : added) {
                if (!present.get(p.reviewer()).reviews()) {
                    fail(where + "work given to an excused student " + p);
                }
            }
            Map<Long, Integer> reviews = count(pairs, true);
            Map<Long, Integer> load = count(pairs, false);
            Map<Long, Integer> handed = new HashMap<>();
            pairs.forEach(p -> handed.merge(p.reviewer(), 1, Integer::sum));
            for (Participant piece : present.values()) {
                if (reviews.getOrDefault(piece.id(), 0) < perPiece && present.values().stream()
                        .anyMatch(r -> could(r, piece, everPaired) && (closing || load.getOrDefault(r.id(), 0) < perPiece))) {
                    fail(where + "piece " + piece.id() + " has " + reviews.getOrDefault(piece.id(), 0)
                            + " reviews while someone could still review it");
                }
            }
            if (!closing) {
                int most = load.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                if (most > perPiece) {
                    fail(where + "a reviewer carries " + most + " pieces while more submissions are expected");
                }
            }
            for (Participant reviewer : present.values()) {
                if (reviewer.reviews() && handed.getOrDefault(reviewer.id(), 0) < perPiece && present.values().stream()
                        .anyMatch(piece -> could(reviewer, piece, everPaired))) {
                    fail(where + reviewer.id() + " was handed " + handed.getOrDefault(reviewer.id(), 0)
                            + " pieces while some piece was there for them");
                }
            }
        }

        private boolean could(Participant reviewer, Participant piece, Set<String> everPaired) {
            return reviewer.reviews() && reviewer.id() != piece.id() && scope.allows(reviewer.group(), piece.group())
                    && !everPaired.contains(reviewer.id() + ">" + piece.id());
        }
    }
}
