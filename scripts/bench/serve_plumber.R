# The peer of `stroma serve`'s meta endpoint for scripts/bench/serve.sh: R plumber + metafor serving the same
# meta-analysis (SMD = Hedges' g by escalc, random effects by REML, z test) of a comparison CSV POSTed as the
# request body. This is what an R team would deploy to serve meta-analyses.
# Usage: Rscript scripts/bench/serve_plumber.R PORT
suppressPackageStartupMessages({
  library(plumber)
  library(metafor)
})
args <- commandArgs(trailingOnly = TRUE)
port <- as.integer(args[1])

pr() |>
  pr_post("/meta", function(req, res) {
    data <- read.csv(text = req$postBody, comment.char = "#")
    es <- escalc("SMD", m1i = m1, sd1i = sd1, n1i = n1, m2i = m2, sd2i = sd2, n2i = n2, data = data)
    fit <- rma(yi, vi, data = es, method = "REML", test = "z")
    list(
      k = fit$k, estimate = unname(fit$beta[1]), se = fit$se, ci_lb = fit$ci.lb, ci_ub = fit$ci.ub,
      p = fit$pval, tau2 = fit$tau2, I2 = fit$I2, H2 = fit$H2, Q = fit$QE, Q_p = fit$QEp
    )
  }, serializer = serializer_unboxed_json(digits = 17)) |>
  pr_run(host = "127.0.0.1", port = port, docs = FALSE, quiet = TRUE)
