package dev.kreis.bench;

import java.util.Arrays;

/**
 * Entry point of the load generator. bench/run.sh calls one step at a time; each step writes its
 * figures to {@code <work-dir>/<step>.json} and {@code results} gathers them into latest.json.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            usage();
            System.exit(64);
        }
        Args args = new Args(argv, 1);
        int code = switch (argv[0]) {
            case "profiles" -> ProfileLoader.run(args);
            case "batch" -> BatchIngest.run(args);
            case "copy" -> CopyBaseline.run(args);
            case "kpi" -> KpiScenario.run(args);
            case "scale-probe" -> ScaleProbe.run(args);
            case "scale-report" -> ScaleReport.run(args);
            case "ui-data" -> UiDataSet.run(args);
            case "single" -> SingleIngest.run(args);
            case "floor" -> HttpFloor.run(args);
            case "timeline" -> TimelineLatency.run(args);
            case "import" -> ImportBench.run(args);
            case "sync" -> SyncBench.run(args);
            case "kafka" -> KafkaIngestBench.run(args);
            case "results" -> Results.run(args);
            default -> {
                System.err.println("unknown step " + argv[0] + " in " + Arrays.toString(argv));
                usage();
                yield 64;
            }
        };
        System.exit(code);
    }

    private static void usage() {
        System.err.println("usage: Main profiles|batch|copy|single|timeline|import|sync|kpi|scale-probe|scale-report|ui-data|results [--name value]...");
    }
}
