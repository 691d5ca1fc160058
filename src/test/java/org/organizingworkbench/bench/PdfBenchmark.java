package org.organizingworkbench.bench;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.organizingworkbench.curriculum.CurriculumLoader;
import org.organizingworkbench.export.SampleWorkbooks;
import org.organizingworkbench.export.WorkbookDocument;
import org.organizingworkbench.export.WorkbookPdf;
import org.organizingworkbench.export.WorkbookPrint;
import org.organizingworkbench.view.Templates;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the PDF export of a full workbook (every exercise of the default curriculum answered at realistic lengths,
 * tables with several rows, all diagrams) in this JVM: warm-up runs first, then p50/p95/p99/max of the timed runs,
 * pages, bytes, allocation per export and heap. Usage: {@code mvn -q -Pbench
 * -Dbench.main=org.organizingworkbench.bench.PdfBenchmark -Dbench.runs=40 -Dbench.warmup=10}.
 */
public final class PdfBenchmark {

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 10);
        int runs = Integer.getInteger("bench.runs", 40);
        Locale locale = Locale.forLanguageTag(System.getProperty("bench.lang", "es"));
        WorkbookDocument workbook = SampleWorkbooks.full(CurriculumLoader.defaultCurriculum(), locale);
        WorkbookPdf pdf = new WorkbookPdf(new WorkbookPrint(new Templates()));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long firstStart = System.nanoTime();
        byte[] bytes = pdf.pdf(workbook);
        double first = (System.nanoTime() - firstStart) / 1e6;
        for (int i = 1; i < warmup; i++) {
            pdf.pdf(workbook);
        }
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        double[] millis = new double[runs];
        long allocated = 0;
        for (int i = 0; i < runs; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            bytes = pdf.pdf(workbook);
            millis[i] = (System.nanoTime() - start) / 1e6;
            allocated += threads.getCurrentThreadAllocatedBytes() - before;
        }
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        // under exec:java this JVM is Maven's too, so the live heap includes Maven's own few tens of MB
        long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int pages;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            pages = document.getNumberOfPages();
        }
        Arrays.sort(millis);
        System.out.printf("PDF export of a full workbook (%s): %d pages, %,d bytes%n", locale.getLanguage(), pages, bytes.length);
        System.out.printf("first export (cold JVM): %.0f ms; then %d warm-up runs, %d timed runs%n", first, warmup, runs);
        System.out.printf("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", percentile(millis, 50),
                percentile(millis, 95), percentile(millis, 99), millis[runs - 1]);
        System.out.printf("allocated per export: %.0f MB; heap: peak %.0f MB (sum of pools' peaks) during the timed runs,"
                        + " %.0f MB live after GC, max heap %.0f MB%n", allocated / 1e6 / runs, peakHeap / 1e6, heapAfterGc / 1e6,
                runtime.maxMemory() / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
