# metafor reference values for Tests/StromaCLITests/MetaKnowledgeTests.swift (`stroma meta --knowledge`).
# Writes scripts/reference/meta-kb/knowledge_outcomes_reference.json: cases, each with the `stroma meta`
# arguments ("$DB" stands for the test's temporary database built from the knowledge folder) and the
# metafor value expected at each JSON path of the command's output.
#
# Run from the repository root (R 4.2.2, metafor 3.8-1, jsonlite):
#   Rscript scripts/reference/meta-kb/knowledge_outcomes.R
#
# Data: Tests/StromaStoreTests/Fixtures/outcome-knowledge/experiments.json — MADE-UP test data. The
# comparisons are built here from the JSON independently of Stroma: treated = group 1, control =
# group 2, SEM -> SD by sd = sem * sqrt(n), and for greater_is_worse the sign of yi flipped (benefit > 0).
# The helpers pooled/regression/subgroups are those of scripts/reference/meta-cli/make_reference.R.
suppressMessages({ library(metafor); library(jsonlite) })
exps <- fromJSON("Tests/StromaStoreTests/Fixtures/outcome-knowledge/experiments.json", simplifyVector = FALSE)
rows <- list()
for (e in exps) {
  if (!("ischemic-stroke" %in% unlist(e$conditions))) next
  for (o in e$outcomes) {
    sem <- o$error_type == "SEM"
    rows[[length(rows) + 1]] <- data.frame(id = e$id, measure = o$measure,
      n1 = o$treated_n, m1 = o$treated_mean, sd1 = if (sem) o$treated_error * sqrt(o$treated_n) else o$treated_error,
      n2 = o$control_n, m2 = o$control_mean, sd2 = if (sem) o$control_error * sqrt(o$control_n) else o$control_error,
      sgn = if (isTRUE(o$greater_is_worse)) -1 else 1, route = unlist(e$routes)[1],
      dose_per_kg = e$dose$cells_per_kg, hours = min(unlist(e$time_after_injury$hours)))
  }
}
d <- do.call(rbind, rows)
print(d)
mnss <- d[d$measure == "mnss", ]
e <- escalc("SMD", m1i = m1, sd1i = sd1, n1i = n1, m2i = m2, sd2i = sd2, n2i = n2, data = mnss)
smd <- data.frame(yi = as.numeric(e$yi) * mnss$sgn, vi = as.numeric(e$vi), route = mnss$route,
  dose_per_kg = mnss$dose_per_kg, hours = mnss$hours)
inf <- d[d$measure == "infarct-volume", ]
e <- escalc("MD", m1i = m1, sd1i = sd1, n1i = n1, m2i = m2, sd2i = sd2, n2i = n2, data = inf)
md <- data.frame(yi = as.numeric(e$yi) * inf$sgn, vi = as.numeric(e$vi))

num <- function(x) as.numeric(x)[1]
pooled <- function(res) {
  pr <- predict(res)
  ci <- confint(res)$random
  w <- weights(res)
  out <- list(k = res$k, estimate = num(res$b), se = res$se, statistic = res$zval, p = res$pval,
    ci_lb = res$ci.lb, ci_ub = res$ci.ub, pi_lb = pr$pi.lb, pi_ub = pr$pi.ub, tau2 = res$tau2,
    I2 = res$I2, H2 = res$H2, Q = res$QE, Q_df = res$k - res$p, Q_p = res$QEp)
  if (res$method != "EE" && res$method != "FE") {
    out <- c(out, list(tau2_se = res$se.tau2, tau2_ci_lb = ci["tau^2", "ci.lb"],
      tau2_ci_ub = ci["tau^2", "ci.ub"], I2_ci_lb = ci["I^2(%)", "ci.lb"], I2_ci_ub = ci["I^2(%)", "ci.ub"],
      H2_ci_lb = ci["H^2", "ci.lb"], H2_ci_ub = ci["H^2", "ci.ub"]))
  }
  for (i in seq_len(res$k)) {
    out[[sprintf("studies[%d].yi", i - 1)]] <- res$yi[i]
    out[[sprintf("studies[%d].vi", i - 1)]] <- res$vi[i]
    out[[sprintf("studies[%d].weight", i - 1)]] <- num(w[i])
  }
  out
}
regression <- function(res) {
  out <- list(k = res$k, tau2 = res$tau2, I2 = res$I2, H2 = res$H2, QM = res$QM, QM_df = res$QMdf[1],
    QM_p = res$QMp, QE = res$QE, QE_df = res$k - res$p, QE_p = res$QEp, R2 = res$R2)
  for (i in seq_len(res$p)) {
    pre <- sprintf("coefficients[%d].", i - 1)
    out[[paste0(pre, "estimate")]] <- num(res$b[i]); out[[paste0(pre, "se")]] <- res$se[i]
    out[[paste0(pre, "statistic")]] <- res$zval[i]; out[[paste0(pre, "p")]] <- res$pval[i]
    out[[paste0(pre, "ci_lb")]] <- res$ci.lb[i]; out[[paste0(pre, "ci_ub")]] <- res$ci.ub[i]
  }
  out
}
subgroups <- function(dat, by, method = "REML") {
  overall <- rma(yi, vi, data = dat, method = method)
  out <- pooled(overall)
  out <- out[!grepl("^studies", names(out))]
  levels <- sort(unique(dat[[by]]))
  fits <- lapply(levels, function(l) rma(yi, vi, data = dat[dat[[by]] == l, ], method = method))
  for (i in seq_along(levels)) {
    f <- fits[[i]]; pr <- predict(f); pre <- sprintf("subgroups.groups[%d].", i - 1)
    vals <- list(k = f$k, estimate = num(f$b), se = f$se, ci_lb = f$ci.lb, ci_ub = f$ci.ub,
      pi_lb = pr$pi.lb, pi_ub = pr$pi.ub, tau2 = f$tau2, Q = f$QE, p = f$pval)
    if (f$k > 1) vals$I2 <- f$I2
    for (n in names(vals)) out[[paste0(pre, n)]] <- vals[[n]]
  }
  common <- rma(yi, vi, mods = ~ factor(dat[[by]]), data = dat, method = method)
  out[["subgroups.tests.common_tau2.statistic"]] <- common$QM
  out[["subgroups.tests.common_tau2.p"]] <- common$QMp
  out[["subgroups.tests.common_tau2.tau2"]] <- common$tau2
  out[["subgroups.tests.common_tau2.Q_within"]] <- common$QE
  est <- sapply(fits, function(f) num(f$b)); sei <- sapply(fits, function(f) f$se)
  wald <- rma(est, sei = sei, mods = ~ factor(levels), method = "EE")
  out[["subgroups.tests.separate_tau2.statistic"]] <- wald$QM
  out[["subgroups.tests.separate_tau2.p"]] <- wald$QMp
  fe <- rma(yi, vi, data = dat, method = "EE")
  qw <- sum(sapply(levels, function(l) rma(yi, vi, data = dat[dat[[by]] == l, ], method = "EE")$QE))
  qb <- fe$QE - qw
  out[["subgroups.tests.fixed_effect_partition.statistic"]] <- qb
  out[["subgroups.tests.fixed_effect_partition.p"]] <- pchisq(qb, length(levels) - 1, lower.tail = FALSE)
  out
}

kb <- c("meta", "--knowledge", "--db", "$DB", "--condition", "ischemic-stroke")
cases <- list(
  list(name = "knowledge mNSS, SMD, REML, pooled", args = c(kb, "--outcome", "mnss", "--measure", "SMD"),
    expected = pooled(rma(yi, vi, data = smd, method = "REML"))),
  list(name = "knowledge mNSS by a broader outcome term, SMD, REML", args = c(kb, "--outcome",
    "neurological-score", "--measure", "SMD"), expected = pooled(rma(yi, vi, data = smd, method = "REML"))),
  list(name = "knowledge mNSS, SMD, subgroups by route", args = c(kb, "--outcome", "mNSS", "--measure", "SMD",
    "--by", "route"), expected = subgroups(smd, "route")),
  list(name = "knowledge mNSS, SMD, meta-regression on dose per kg", args = c(kb, "--outcome", "mnss",
    "--measure", "SMD", "--mods", "dose_per_kg"),
    expected = regression(rma(yi, vi, mods = ~ dose_per_kg, data = smd, method = "REML"))),
  list(name = "knowledge mNSS, SMD, meta-regression on log10 dose per kg and route", args = c(kb, "--outcome",
    "mnss", "--measure", "SMD", "--mods", "log10_dose_per_kg,route"),
    expected = regression(rma(yi, vi, mods = ~ log10(dose_per_kg) + route, data = smd, method = "REML"))),
  list(name = "knowledge infarct volume, MD, DL", args = c(kb, "--outcome", "infarct-volume", "--measure", "MD",
    "--method", "DL"), expected = pooled(rma(yi, vi, data = md, method = "DL")))
)
cases <- lapply(cases, function(c) { c$expected <- lapply(c$expected, num); c })
doc <- list(generated_by = "Rscript scripts/reference/meta-kb/knowledge_outcomes.R",
  data = "Tests/StromaStoreTests/Fixtures/outcome-knowledge (made-up test data)",
  r_version = R.version.string, metafor_version = as.character(packageVersion("metafor")), cases = cases)
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE),
  "scripts/reference/meta-kb/knowledge_outcomes_reference.json")
cat("wrote", length(cases), "cases\n")
