# metafor side of scripts/bench/meta.sh: the same tasks, data and sampling scheme as
# `stroma-bench meta` (Sources/stroma-bench/MetaBench.swift). Prints one tab-separated line per task.
# Usage: Rscript scripts/bench/meta_metafor.R DIR [TASK …]   (all tasks when none is named)
suppressMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
wanted <- args[-1]
read <- function(f) read.csv(file.path(dir, f))
now <- function() as.numeric(Sys.time())
# One warm-up call of duration t; calls per sample n = ceiling(0.02 / t);
# samples = clamp(floor(2 / (n t)), 3, 21); the median of per-call times. A warm-up call over 30 s
# is the only sample.
measure <- function(body) {
  t0 <- now(); body(); once <- max(1e-9, now() - t0)
  if (once > 30) return(c(median = once, samples = 1, calls = 1))  # a slow call counts once
  calls <- max(1, ceiling(0.02 / once))
  samples <- min(21, max(3, floor(2 / (calls * once))))
  times <- sapply(seq_len(samples), function(s) {
    t0 <- now(); for (i in seq_len(calls)) body(); (now() - t0) / calls })
  c(median = sort(times)[samples %/% 2 + 1], samples = samples, calls = calls)
}
tasks <- list(
  list("reml_k20", "k20.csv", function(d) rma(d$yi, d$vi, method = "REML")$tau2),
  list("reml_k1000", "k1000.csv", function(d) rma(d$yi, d$vi, method = "REML")$tau2),
  list("reml_k10000", "k10000.csv", function(d) rma(d$yi, d$vi, method = "REML")$tau2),
  list("permutation_1000_k20", "k20.csv", function(d)
    permutest(rma(d$yi, d$vi, method = "REML"), iter = 1000, progbar = FALSE)$pval[1]),
  list("leave1out_k100", "k100.csv", function(d) leave1out(rma(d$yi, d$vi, method = "REML"))$estimate[1]),
  list("influence_k100", "k100.csv", function(d) influence(rma(d$yi, d$vi, method = "REML"))$inf$cook.d[1])
)
if (length(wanted) > 0) tasks <- Filter(function(t) t[[1]] %in% wanted, tasks)
for (t in tasks) {
  d <- read(t[[2]]); check <- NA
  m <- measure(function() check <<- t[[3]](d))
  cat(sprintf("%s\t%.9g\t%d\t%d\t%.10g\n", t[[1]], m["median"], m["samples"], m["calls"], check))
}
