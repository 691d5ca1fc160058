package org.organizingworkbench.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Who reviews whom, as a pure and deterministic function of the round as it stands: run whenever someone submits,
 * a review is taken back or the round's due time has passed, it returns only the pairings to add. Two duties:
 * <ol>
 *   <li><b>Every piece gets its reviews</b>: pieces with fewer than {@code perPiece} active reviews, least-reviewed
 *   first, each get the eligible reviewer with the lowest load (reliable reviewers before those who missed a
 *   deadline, then not reciprocal, then the next in submission order after the author). While more submissions
 *   are expected, only reviewers with fewer than {@code perPiece} pieces are asked, so nobody carries extra work;
 *   a late piece is then reviewed by the next submitters. Once the round {@code closing} (its due time passed),
 *   the least loaded reviewers take what is left, so no piece stays without its reviews.</li>
 *   <li><b>Every submitter gets work at once</b>: a reviewer handed fewer than {@code perPiece} pieces gets the
 *   least-reviewed eligible pieces (not reciprocal where possible; the most recent submitters' first), so a late
 *   submitter is served the moment they submit, and serves the late pieces before them.</li>
 * </ol>
 * Eligible means: not oneself, never paired with that author before in the round, in scope, not excused. With the
 * rotation tie-break a round where everyone submits together becomes a ring (author i reviewed by i+1 … i+k), with
 * exactly k reviews per piece and k pieces per reviewer, and no reciprocal pair once more than 2k are in scope.
 * Arrays indexed by submission order keep it linear per hand-out: 2,000 submissions take milliseconds.
 */
public final class Allocation {

    private final int perPiece;
    private final boolean closing;
    private final ReviewScope scope;
    private final List<Participant> people;
    private final int n;
    private final Map<Long, Integer> index = new HashMap<>();
    private final int[] reviews;
    private final int[] load;
    private final int[] handed;
    private final int[][] pairedWith;
    private final int[] pairedCount;
    private final int[][] activeWith;
    private final int[] activeCount;
    private final int[] reliableLoads;
    private int minReliableLoad;
    private final int[] pieceReviews;
    private int minPieceReviews;
    private final List<Pairing> added = new ArrayList<>();

    private Allocation(int perPiece, ReviewScope scope, List<Participant> people, List<Pairing> existing, boolean closing) {
        this.perPiece = perPiece;
        this.scope = scope;
        this.closing = closing;
        this.people = people.stream().sorted(Comparator.comparingInt(Participant::arrival)
                .thenComparingLong(Participant::id)).toList();
        this.n = this.people.size();
        for (int i = 0; i < n; i++) {
            index.put(this.people.get(i).id(), i);
        }
        reviews = new int[n];
        load = new int[n];
        handed = new int[n];
        pairedWith = new int[n][4];
        pairedCount = new int[n];
        activeWith = new int[n][4];
        activeCount = new int[n];
        for (Pairing pairing : existing) {
            Integer r = index.get(pairing.reviewer());
            Integer a = index.get(pairing.author());
            if (r != null && a != null) {
                record(r, a, pairing.active());
            }
        }
        reliableLoads = new int[n + 2];
        pieceReviews = new int[n + 2];
        for (int i = 0; i < n; i++) {
            if (reliable(i)) {
                reliableLoads[Math.min(load[i], n + 1)]++;
            }
            pieceReviews[Math.min(reviews[i], n + 1)]++;
        }
        minReliableLoad = lowest(reliableLoads, 0);
        minPieceReviews = lowest(pieceReviews, 0);
    }

    /** The pairings to add while more submissions are expected. */
    public static List<Pairing> allocate(int perPiece, ReviewScope scope, List<Participant> people, List<Pairing> existing) {
        return allocate(perPiece, scope, people, existing, false);
    }

    /**
     * The pairings to add so that both duties hold as far as the round allows.
     *
     * @param closing true once no more submissions are expected (the due time passed): pieces still short of reviews
     *                are then given to the least loaded reviewers, beyond {@code perPiece} if need be
     */
    public static List<Pairing> allocate(int perPiece, ReviewScope scope, List<Participant> people, List<Pairing> existing,
                                         boolean closing) {
        Allocation allocation = new Allocation(perPiece, scope, people, existing, closing);
        allocation.coverPieces();
        allocation.giveWork();
        return List.copyOf(allocation.added);
    }

    private void coverPieces() {
        PriorityQueue<Integer> pieces = new PriorityQueue<>(Comparator.comparingInt((Integer p) -> reviews[p])
                .thenComparingInt(p -> p));
        for (int p = 0; p < n; p++) {
            if (reviews[p] < perPiece) {
                pieces.add(p);
            }
        }
        while (!pieces.isEmpty()) {
            int piece = pieces.poll();
            int reviewer = bestReviewerFor(piece);
            if (reviewer < 0) {
                continue;
            }
            pair(reviewer, piece);
            if (reviews[piece] < perPiece) {
                pieces.add(piece);
            }
        }
    }

    private void giveWork() {
        List<Integer> reviewers = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (people.get(r).reviews() && handed[r] < perPiece) {
                reviewers.add(r);
            }
        }
        reviewers.sort(Comparator.comparingInt((Integer r) -> handed[r]).thenComparingInt(r -> r));
        for (int reviewer : reviewers) {
            while (handed[reviewer] < perPiece) {
                int piece = bestPieceFor(reviewer);
                if (piece < 0) {
                    break;
                }
                pair(reviewer, piece);
            }
        }
    }

    /** Candidates in ring order after the author; the first that reaches the lowest possible key is the best. */
    private int bestReviewerFor(int piece) {
        int best = -1;
        long bestKey = Long.MAX_VALUE;
        long floor = key(false, minReliableLoad, false);
        for (int step = 1; step < n; step++) {
            int candidate = (piece + step) % n;
            if (!eligible(candidate, piece) || (!closing && load[candidate] >= perPiece)) {
                continue;
            }
            long key = key(people.get(candidate).missed(), load[candidate], reciprocal(candidate, piece));
            if (key < bestKey) {
                bestKey = key;
                best = candidate;
                if (key <= floor) {
                    break;
                }
            }
        }
        return best;
    }

    /** Pieces in ring order before the reviewer (the latest submitters first). */
    private int bestPieceFor(int reviewer) {
        int best = -1;
        long bestKey = Long.MAX_VALUE;
        long floor = key(false, minPieceReviews, false);
        for (int step = 1; step < n; step++) {
            int piece = Math.floorMod(reviewer - step, n);
            if (!eligible(reviewer, piece)) {
                continue;
            }
            long key = key(false, reviews[piece], reciprocal(reviewer, piece));
            if (key < bestKey) {
                bestKey = key;
                best = piece;
                if (key <= floor) {
                    break;
                }
            }
        }
        return best;
    }

    /** One number that orders candidates: missed deadline first, then count, then reciprocity. */
    private static long key(boolean missed, int count, boolean reciprocal) {
        return ((missed ? 1L : 0L) << 40) | ((long) count << 1) | (reciprocal ? 1L : 0L);
    }

    private boolean eligible(int reviewer, int piece) {
        Participant r = people.get(reviewer);
        return r.reviews() && reviewer != piece && scope.allows(r.group(), people.get(piece).group())
                && !contains(pairedWith[reviewer], pairedCount[reviewer], piece);
    }

    /** Whether the piece's author already reviews the reviewer's own piece. */
    private boolean reciprocal(int reviewer, int piece) {
        return contains(activeWith[piece], activeCount[piece], reviewer);
    }

    private void pair(int reviewer, int piece) {
        if (reliable(reviewer)) {
            reliableLoads[Math.min(load[reviewer], n + 1)]--;
            reliableLoads[Math.min(load[reviewer] + 1, n + 1)]++;
            minReliableLoad = lowest(reliableLoads, minReliableLoad);
        }
        pieceReviews[Math.min(reviews[piece], n + 1)]--;
        pieceReviews[Math.min(reviews[piece] + 1, n + 1)]++;
        minPieceReviews = lowest(pieceReviews, minPieceReviews);
        record(reviewer, piece, true);
        added.add(Pairing.of(people.get(reviewer).id(), people.get(piece).id()));
    }

    private void record(int reviewer, int piece, boolean active) {
        pairedWith[reviewer] = append(pairedWith[reviewer], pairedCount[reviewer]++, piece);
        handed[reviewer]++;
        if (active) {
            activeWith[reviewer] = append(activeWith[reviewer], activeCount[reviewer]++, piece);
            reviews[piece]++;
            load[reviewer]++;
        }
    }

    private boolean reliable(int i) {
        return people.get(i).reviews() && !people.get(i).missed();
    }

    private static int lowest(int[] histogram, int from) {
        int i = from;
        while (i < histogram.length - 1 && histogram[i] == 0) {
            i++;
        }
        return i;
    }

    private static int[] append(int[] values, int at, int value) {
        int[] grown = at < values.length ? values : java.util.Arrays.copyOf(values, values.length * 2);
        grown[at] = value;
        return grown;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
