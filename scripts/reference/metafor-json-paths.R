# Shared by the `stroma meta` reference scripts (meta-cli/make_reference.R, meta-kb/knowledge_outcomes.R):
# metafor results flattened to the JSON paths of `stroma meta --format json` (pooled fit, meta-regression,
# subgroups in the three conventions). Source it from the repository root.
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

