# Simulated (made-up) benchmark data for scripts/bench/meta.sh: k studies with
# vi ~ Uniform(0.01, 0.2) and yi ~ N(0.5, 0.05 + vi). Not real studies.
# Usage: Rscript scripts/bench/meta_data.R DIR
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
set.seed(20261123)
for (k in c(20, 100, 1000, 10000)) {
  vi <- runif(k, 0.01, 0.2)
  yi <- rnorm(k, 0.5, sqrt(0.05 + vi))
  write.csv(data.frame(yi = sprintf("%.17g", yi), vi = sprintf("%.17g", vi)),
    file.path(dir, sprintf("k%d.csv", k)), row.names = FALSE, quote = FALSE)
}
