package org.organizingworkbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What an outsider's oversized bodies cost the tool (issue 13): rounds of parallel unauthenticated requests that
 * announce 50 MB and keep sending, to the launch, the autosave and, chunked, the launch again. For each it measures
 * the time to the tool's answer and how much of the body the client got to send before it; with {@code bench.pid}
 * (the Payara process) it also reads the server's resident memory before and after.
 *
 * <pre>mvn -q -Pbench -Dbench.main=org.organizingworkbench.bench.OversizedBodyBenchmark -Dbench.url=http://127.0.0.1:8080</pre>
 */
public final class OversizedBodyBenchmark {

    private static final long DECLARED = 50L * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(System.getProperty("bench.url", "http://127.0.0.1:8080"));
        int parallel = Integer.getInteger("bench.concurrency", 6);
        int rounds = Integer.getInteger("bench.rounds", 5);
        String pid = System.getProperty("bench.pid", "");
        System.out.println("resident memory before: " + rss(pid));
        String[][] kinds = {{"POST /lti/launch", "application/x-www-form-urlencoded", "length"},
                {"PUT /app/workbook/exercises/m1-e1/fields/story", "application/json", "length"},
                {"POST /lti/launch", "application/x-www-form-urlencoded", "chunked"}};
        ExecutorService pool = Executors.newFixedThreadPool(parallel * kinds.length);
        for (String[] kind : kinds) {
            List<Long> millis = new ArrayList<>();
            List<Long> sent = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                List<Future<long[]>> answers = new ArrayList<>();
                for (int i = 0; i < parallel; i++) {
                    answers.add(pool.submit(() -> send(base, kind)));
                }
                for (Future<long[]> answer : answers) {
                    long[] result = answer.get();
                    statuses.add(String.valueOf(result[0]));
                    millis.add(result[1]);
                    sent.add(result[2]);
                }
            }
            long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%s (%s): %d requests, answers %s, time to answer p50 %d ms p95 %d ms max %d ms,"
                            + " at most %.1f MB of 50 MB sent%n", kind[0], kind[2], sorted.length,
                    statuses.stream().distinct().toList(), sorted[sorted.length / 2],
                    sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.95))], sorted[sorted.length - 1],
                    sent.stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0 / 1024.0);
        }
        pool.shutdown();
        System.out.println("resident memory after: " + rss(pid));
    }

    /** @return {status, milliseconds to the status line, body bytes the server let through} */
    private static long[] send(URI base, String[] kind) throws IOException {
        String[] line = kind[0].split(" ", 2);
        boolean chunked = "chunked".equals(kind[2]);
        long started = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((line[0] + " " + line[1] + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: " + kind[1]
                    + "\r\n" + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + DECLARED + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'a');
            byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            InputStream in = socket.getInputStream();
            long sent = 0;
            try {
                while (sent < DECLARED && in.available() == 0) {
                    if (chunked) {
                        out.write(chunkHead);
                    }
                    out.write(block);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += block.length;
                }
            } catch (IOException closedByTheServer) {
                // the server answered and closed: the rest is never sent
            }
            byte[] status = in.readNBytes(12);
            long millis = (System.nanoTime() - started) / 1_000_000;
            String text = new String(status, StandardCharsets.US_ASCII);
            return new long[]{text.length() >= 12 ? Long.parseLong(text.substring(9, 12)) : 0, millis, sent};
        }
    }

    private static String rss(String pid) throws IOException {
        if (pid.isBlank()) {
            return "(give -Dbench.pid=<Payara's pid>)";
        }
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("?");
    }
}
