package dev.kreis.platform.bulk;

import java.util.List;

import dev.kreis.platform.bulk.persistence.ImportRow.Counts;

/** What became of the rows of one chunk, and the problems of those rejected. */
record ChunkResult(Counts counts, List<RowProblem> problems) {
}
