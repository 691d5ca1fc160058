package org.organizingworkbench.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Who reviews whom, as a pure and deterministic function of the round as it stands: run whenever someone submits
 * or a review is taken back, it returns only the pairings to add. Two duties, in this order:
 * <ol>
 *   <li><b>Every piece gets its reviews</b>: pieces with fewer than {@code perPiece} active reviews, least-reviewed
 *   first, each get the eligible reviewer with the lowest load (reliable reviewers before those who missed a
 *   deadline, then not reciprocal, then the next in submission order after the author).</li>
 *   <li><b>Every submitter gets work at once</b>: a reviewer who has been handed fewer than {@code perPiece}
 *   pieces gets the least-reviewed eligible pieces (not reciprocal where possible), so a late submitter is served
 *   the moment they submit.</li>
 * </ol>
 * Eligible means: not oneself, never paired with that author before in the round, in scope, not excused. With the
 * rotation tie-break, a round where everyone submits together becomes a ring (author i reviewed by i+1 … i+k),
 * which has no reciprocal pair as soon as there are more than 2k people in scope.
 */
public final class Allocation {

    private final int perPiece;
    private final ReviewScope scope;
    private final List<Participant> people;
    private final Map<Long, Integer> position = new HashMap<>();
    private final Set<Long> paired = new HashSet<>();
    private final Set<Long> activePairs = new HashSet<>();
    private final Map<Long, Integer> reviewsOf = new HashMap<>();
    private final Map<Long, Integer> loadOf = new HashMap<>();
    private final Map<Long, Integer> handedTo = new HashMap<>();
    private final List<Pairing> added = new ArrayList<>();

    private Allocation(int perPiece, ReviewScope scope, List<Participant> people, List<Pairing> existing) {
        this.perPiece = perPiece;
        this.scope = scope;
        this.people = people.stream().sorted(Comparator.comparingInt(Participant::arrival)
                .thenComparingLong(Participant::id)).toList();
        for (int i = 0; i < this.people.size(); i++) {
            position.put(this.people.get(i).id(), i);
        }
        existing.forEach(this::record);
    }

    /** The pairings to add so that both duties hold as far as the round allows. */
    public static List<Pairing> allocate(int perPiece, ReviewScope scope, List<Participant> people,
                                         List<Pairing> existing) {
        Allocation allocation = new Allocation(perPiece, scope, people, existing);
        allocation.coverPieces();
        allocation.giveWork();
        return List.copyOf(allocation.added);
    }

    private void coverPieces() {
        PriorityQueue<Participant> pieces = new PriorityQueue<>(Comparator
                .comparingInt((Participant p) -> reviewsOf.getOrDefault(p.id(), 0))
                .thenComparingInt(p -> position.get(p.id())));
        people.stream().filter(p -> reviewsOf.getOrDefault(p.id(), 0) < perPiece).forEach(pieces::add);
        while (!pieces.isEmpty()) {
            Participant piece = pieces.poll();
            Participant reviewer = bestReviewerFor(piece);
            if (reviewer == null) {
                continue;
            }
            pair(reviewer, piece);
            if (reviewsOf.get(piece.id()) < perPiece) {
                pieces.add(piece);
            }
        }
    }

    private void giveWork() {
        List<Participant> reviewers = people.stream().filter(Participant::reviews)
                .sorted(Comparator.comparingInt((Participant p) -> handedTo.getOrDefault(p.id(), 0))
                        .thenComparingInt(p -> position.get(p.id())))
                .toList();
        for (Participant reviewer : reviewers) {
            while (handedTo.getOrDefault(reviewer.id(), 0) < perPiece) {
                Participant piece = bestPieceFor(reviewer);
                if (piece == null) {
                    break;
                }
                pair(reviewer, piece);
            }
        }
    }

    private Participant bestReviewerFor(Participant piece) {
        Participant best = null;
        long bestKey = Long.MAX_VALUE;
        for (Participant candidate : people) {
            if (!eligible(candidate, piece)) {
                continue;
            }
            long key = key(candidate.missed(), loadOf.getOrDefault(candidate.id(), 0), reciprocal(candidate, piece),
                    distance(candidate, piece));
            if (key < bestKey) {
                bestKey = key;
                best = candidate;
            }
        }
        return best;
    }

    private Participant bestPieceFor(Participant reviewer) {
        Participant best = null;
        long bestKey = Long.MAX_VALUE;
        for (Participant piece : people) {
            if (!eligible(reviewer, piece)) {
                continue;
            }
            long key = key(false, reviewsOf.getOrDefault(piece.id(), 0), reciprocal(reviewer, piece),
                    distance(reviewer, piece));
            if (key < bestKey) {
                bestKey = key;
                best = piece;
            }
        }
        return best;
    }

    /** One number that orders candidates: missed deadline, then count, then reciprocity, then rotation distance. */
    private long key(boolean missed, int count, boolean reciprocal, int distance) {
        return ((missed ? 1L : 0L) << 62) | ((long) count << 32) | ((reciprocal ? 1L : 0L) << 31) | distance;
    }

    private boolean eligible(Participant reviewer, Participant piece) {
        return reviewer.reviews() && reviewer.id() != piece.id() && !paired.contains(pairKey(reviewer.id(), piece.id()))
                && scope.allows(reviewer.group(), piece.group());
    }

    /** Whether the piece's author already reviews the reviewer's own piece. */
    private boolean reciprocal(Participant reviewer, Participant piece) {
        return activePairs.contains(pairKey(piece.id(), reviewer.id()));
    }

    /** How far after the author the reviewer submitted, around the ring of submission order. */
    private int distance(Participant reviewer, Participant piece) {
        int n = people.size();
        return Math.floorMod(position.get(reviewer.id()) - position.get(piece.id()), n);
    }

    private void pair(Participant reviewer, Participant piece) {
        Pairing pairing = Pairing.of(reviewer.id(), piece.id());
        record(pairing);
        added.add(pairing);
    }

    private void record(Pairing pairing) {
        if (!position.containsKey(pairing.reviewer()) || !position.containsKey(pairing.author())) {
            return;
        }
        paired.add(pairKey(pairing.reviewer(), pairing.author()));
        handedTo.merge(pairing.reviewer(), 1, Integer::sum);
        if (pairing.active()) {
            activePairs.add(pairKey(pairing.reviewer(), pairing.author()));
            reviewsOf.merge(pairing.author(), 1, Integer::sum);
            loadOf.merge(pairing.reviewer(), 1, Integer::sum);
        }
    }

    /** Exact, without boxing two ids: both are places in the submission order. */
    private long pairKey(long reviewer, long author) {
        return (long) position.get(reviewer) * people.size() + position.get(author);
    }
}
