# Generates Tests/StromaStatisticsTests/Fixtures/metafor/*.json from metafor (Debian r-cran-metafor 3.8-1).
# Run from the repository root:  Rscript scripts/reference/metafor/generate-fixtures.R
# Every case records the exact R command evaluated; values are written with sprintf("%.17g").
suppressMessages(library(metafor))
source("scripts/reference/metafor/json.R")
script <- "scripts/reference/metafor/generate-fixtures.R"
outdir <- "Tests/StromaStatisticsTests/Fixtures/metafor"
dir.create(outdir, recursive = TRUE, showWarnings = FALSE)

run <- function(cmd) eval(parse(text = cmd), envir = globalenv())

# ---------------------------------------------------------------- datasets
bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
bcg$label <- paste0(dat.bcg$author, " ", dat.bcg$year)
hack <- dat.hackshaw1998
hack$label <- paste0(hack$author, " ", hack$year)
norm_md <- escalc(measure = "MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.normand1999)
norm_smd <- escalc(measure = "SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.normand1999)
norm_smdh <- escalc(measure = "SMDH", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.normand1999)
norm_rom <- escalc(measure = "ROM", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.normand1999)
curtis <- escalc(measure = "ROM", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.curtis1998)
molloy <- escalc(measure = "ZCOR", ri = ri, ni = ni, data = dat.molloy2014)

# Synthetic preclinical toy (design note meta-analysis.md §3.4): infarct volume, sham = 0,
# S4a/S4b share one control group of 12 (n_c' = 6 each). NMD by Vesterinen et al. 2014 formulas.
toy <- data.frame(
  label = c("S1", "S2", "S3", "S4a", "S4b", "S5", "S6"),
  route = c("IV", "IV", "IA", "IC", "IC", "IV", "IA"),
  n_c = c(10, 8, 6, 12, 12, 9, 7), m_c = c(120, 100, 150, 130, 130, 110, 140), sd_c = c(30, 20, 40, 25, 25, 28, 35),
  n_rx = c(10, 8, 6, 6, 6, 9, 7), m_rx = c(80, 70, 90, 85, 95, 115, 50), sd_rx = c(25, 22, 35, 20, 30, 30, 30),
  shared = c(1, 1, 1, 2, 2, 1, 1), sham = 0)
toy$n_c_split <- toy$n_c / toy$shared
toy$yi <- 100 * (toy$m_c - toy$m_rx) / (toy$m_c - toy$sham)
toy$vi <- (100 * toy$sd_c / abs(toy$m_c - toy$sham))^2 / toy$n_c_split + (100 * toy$sd_rx / abs(toy$m_c - toy$sham))^2 / toy$n_rx

# Synthetic preclinical-shaped dataset (k = 30, seed 20240601): SMD from group summaries,
# lower outcome = better (infarct-like), route factor and log10 dose.
set.seed(20240601)
k30 <- 30
pre <- data.frame(label = sprintf("Exp%02d", 1:k30))
pre$n_c <- sample(6:12, k30, replace = TRUE); pre$n_rx <- sample(6:12, k30, replace = TRUE)
pre$route <- sample(c("IA", "IC", "IV"), k30, replace = TRUE)
pre$log10_dose <- round(runif(k30, 5, 7), 2)
pre$m_c <- round(rnorm(k30, 100, 10), 1)
true_d <- rnorm(k30, 1 + 0.3 * (pre$log10_dose - 6), 0.5)
pre$sd_c <- round(runif(k30, 10, 25), 1); pre$sd_rx <- round(runif(k30, 10, 25), 1)
pre$m_rx <- round(pre$m_c - true_d * (pre$sd_c + pre$sd_rx) / 2, 1)
# "higher is worse": benefit positive means control - treated, i.e. metafor with groups swapped.
pre_smd <- escalc(measure = "SMD", m1i = m_c, sd1i = sd_c, n1i = n_c, m2i = m_rx, sd2i = sd_rx, n2i = n_rx, data = pre)
pre$yi <- pre_smd$yi; pre$vi <- pre_smd$vi

datasets <- list(
  bcg = list(labels = bcg$label, yi = bcg$yi, vi = bcg$vi, ablat = dat.bcg$ablat, year = dat.bcg$year,
             alloc = as.character(dat.bcg$alloc), tpos = dat.bcg$tpos, tneg = dat.bcg$tneg, cpos = dat.bcg$cpos, cneg = dat.bcg$cneg),
  hackshaw = list(labels = hack$label, yi = hack$yi, vi = hack$vi, year = hack$year),
  normand_md = list(labels = as.character(dat.normand1999$source), yi = norm_md$yi, vi = norm_md$vi),
  normand_smd = list(labels = as.character(dat.normand1999$source), yi = norm_smd$yi, vi = norm_smd$vi),
  normand_smdh = list(labels = as.character(dat.normand1999$source), yi = norm_smdh$yi, vi = norm_smdh$vi),
  normand_rom = list(labels = as.character(dat.normand1999$source), yi = norm_rom$yi, vi = norm_rom$vi),
  curtis = list(labels = as.character(curtis$id), yi = curtis$yi, vi = curtis$vi, time = curtis$time,
                fungrp = as.character(curtis$fungrp)),
  molloy = list(labels = paste(dat.molloy2014$authors, dat.molloy2014$year), yi = molloy$yi, vi = molloy$vi,
                meanage = dat.molloy2014$meanage),
  toy_nmd = list(labels = toy$label, yi = toy$yi, vi = toy$vi, route = toy$route),
  preclinical30 = list(labels = pre$label, yi = pre$yi, vi = pre$vi, route = pre$route, log10_dose = pre$log10_dose)
)
data_env <- list(bcg = bcg, hackshaw = hack, normand_md = norm_md, normand_smd = norm_smd, normand_smdh = norm_smdh,
                 normand_rom = norm_rom, curtis = curtis, molloy = molloy, toy_nmd = toy, preclinical30 = pre)
for (n in names(data_env)) assign(n, data_env[[n]], envir = globalenv())

# ---------------------------------------------------------------- helpers
fit_values <- function(res) {
  int_only <- res$int.only
  pr <- predict(res)
  out <- list(
    beta = c(res$beta), se = res$se, zval = res$zval, pval = res$pval, ci_lb = res$ci.lb, ci_ub = res$ci.ub,
    tau2 = res$tau2, se_tau2 = if (is.null(res$se.tau2)) NA else res$se.tau2, I2 = res$I2, H2 = res$H2,
    QE = res$QE, QEp = res$QEp, QM = res$QM, QMp = res$QMp,
    ll_ML = res$fit.stats["ll", "ML"], ll_REML = res$fit.stats["ll", "REML"],
    weights = weights(res), vt = res$vt, s2w = res$s2w)
  if (int_only) {
    out$pred <- pr$pred; out$pred_se <- pr$se; out$pred_ci_lb <- pr$ci.lb; out$pred_ci_ub <- pr$ci.ub
    out$pi_lb <- pr$pi.lb; out$pi_ub <- pr$pi.ub
    # Higgins et al. 2009 PI with t(k - 2) (not in metafor 3.8): evaluated here from metafor's pred, se, tau2.
    if (res$k >= 3) {
      half <- qt(0.975, res$k - 2) * sqrt(pr$se^2 + res$tau2)
      out$pi_higgins_lb <- pr$pred - half; out$pi_higgins_ub <- pr$pred + half
    }
  } else {
    out$R2 <- if (is.null(res$R2)) NA else res$R2
  }
  out
}

fit_case <- function(name, dataset, method, test = "z", mods = character(0), factors = character(0), newmods = NULL) {
  terms <- c(mods, if (length(factors)) paste0("factor(", factors, ")"))
  modstr <- if (length(terms)) paste0(", mods = ~ ", paste(terms, collapse = " + ")) else ""
  cmd <- sprintf("rma(yi, vi, data = %s, method = \"%s\", test = \"%s\"%s)", dataset, method, test, modstr)
  res <- run(cmd)
  exp <- fit_values(res)
  case <- list(name = name, command = cmd, dataset = dataset, method = method, test = test,
               mods = as.list(mods), factors = as.list(factors))
  if (!is.null(newmods)) {
    pr <- predict(res, newmods = newmods)
    case$newmods <- as.numeric(newmods)
    exp$new_pred <- pr$pred; exp$new_se <- pr$se; exp$new_ci_lb <- pr$ci.lb; exp$new_ci_ub <- pr$ci.ub
    exp$new_pi_lb <- pr$pi.lb; exp$new_pi_ub <- pr$pi.ub
    case$command <- paste0(cmd, "; predict(res, newmods = c(", paste(newmods, collapse = ", "), "))")
  }
  case$expected <- exp
  case
}

# ---------------------------------------------------------------- escalc
escalc_case <- function(name, cmd, inputs) {
  res <- run(cmd)
  list(name = name, command = cmd, inputs = inputs, expected = list(yi = c(res$yi), vi = c(res$vi)))
}
nd <- dat.normand1999
cont_inputs <- list(labels = as.character(nd$source), m1i = nd$m1i, sd1i = nd$sd1i, n1i = nd$n1i, m2i = nd$m2i, sd2i = nd$sd2i, n2i = nd$n2i)
escalc_cases <- list()
for (m in c("MD", "SMD", "SMDH", "ROM")) {
  escalc_cases[[length(escalc_cases) + 1]] <- escalc_case(paste("normand1999", m),
    sprintf("escalc(measure = \"%s\", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.normand1999)", m), cont_inputs)
}
# Shared control split in two: n2i / 2 (Cochrane "split the control group").
escalc_cases[[length(escalc_cases) + 1]] <- escalc_case("normand1999 SMD control shared by 2",
  "escalc(measure = \"SMD\", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i / 2, data = dat.normand1999)",
  c(cont_inputs, list(shared = rep(2, nrow(nd)))))
# RevMan / CAMARADES SMD: formula evaluated in R (no metafor equivalent), for cross-checking.
revman_cmd <- paste0("with(dat.normand1999, { N <- n1i + n2i; sp <- sqrt(((n1i - 1) * sd1i^2 + (n2i - 1) * sd2i^2) / (N - 2)); ",
                     "g <- (m1i - m2i) / sp * (1 - 3 / (4 * N - 9)); list(yi = g, vi = N / (n1i * n2i) + g^2 / (2 * (N - 3.94))) })")
rv <- run(revman_cmd)
escalc_cases[[length(escalc_cases) + 1]] <- list(name = "normand1999 SMD_REVMAN (formula in R)", command = revman_cmd,
  inputs = cont_inputs, expected = list(yi = rv$yi, vi = rv$vi))
bin_inputs <- list(labels = bcg$label, ai = dat.bcg$tpos, n1i = dat.bcg$tpos + dat.bcg$tneg, ci = dat.bcg$cpos, n2i = dat.bcg$cpos + dat.bcg$cneg)
nw <- dat.nielweise2007
nw_inputs <- list(labels = paste(nw$author, nw$year), ai = nw$ai, n1i = nw$n1i, ci = nw$ci, n2i = nw$n2i)
for (m in c("RR", "OR", "RD")) {
  escalc_cases[[length(escalc_cases) + 1]] <- escalc_case(paste("bcg", m),
    sprintf("escalc(measure = \"%s\", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)", m), bin_inputs)
  escalc_cases[[length(escalc_cases) + 1]] <- escalc_case(paste("nielweise2007 (zero cells)", m),
    sprintf("escalc(measure = \"%s\", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat.nielweise2007)", m), nw_inputs)
}
# Synthetic zero / double-zero tables (assumed inputs, outputs from metafor).
zz <- data.frame(ai = c(0, 0, 3, 10, 5), n1i = c(10, 12, 10, 10, 20), ci = c(2, 0, 0, 10, 7), n2i = c(11, 12, 10, 10, 20))
zz_inputs <- list(labels = paste0("T", 1:5), ai = zz$ai, n1i = zz$n1i, ci = zz$ci, n2i = zz$n2i)
for (m in c("RR", "OR", "RD")) {
  escalc_cases[[length(escalc_cases) + 1]] <- escalc_case(paste("synthetic zero cells", m),
    sprintf("escalc(measure = \"%s\", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = zz)", m), zz_inputs)
  c2 <- escalc_case(paste("synthetic zero cells drop00", m),
    sprintf("escalc(measure = \"%s\", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = zz, drop00 = TRUE)", m), zz_inputs)
  c2$drop00 <- TRUE
  escalc_cases[[length(escalc_cases) + 1]] <- c2
}
escalc_cases[[length(escalc_cases) + 1]] <- escalc_case("molloy2014 ZCOR", "escalc(measure = \"ZCOR\", ri = ri, ni = ni, data = dat.molloy2014)",
  list(labels = paste(dat.molloy2014$authors, dat.molloy2014$year), ri = dat.molloy2014$ri, ni = dat.molloy2014$ni))
pz <- rbind(dat.pritz1997[, c("xi", "ni")], data.frame(xi = c(0, 12), ni = c(15, 12)))
pz_inputs <- list(labels = c(as.character(dat.pritz1997$study), "synthetic x=0", "synthetic x=n"), xi = pz$xi, ni = pz$ni)
for (m in c("PLO", "PFT")) {
  escalc_cases[[length(escalc_cases) + 1]] <- escalc_case(paste("pritz1997 + 2 synthetic rows", m),
    sprintf("escalc(measure = \"%s\", xi = xi, ni = ni, data = pz)", m), pz_inputs)
}
write_fixture(file.path(outdir, "escalc.json"), "Effect sizes (escalc) for every measure", list(), escalc_cases, script)

# ---------------------------------------------------------------- rma fits
cases <- list()
add <- function(x) cases[[length(cases) + 1]] <<- x
for (m in c("EE", "DL", "HE", "HS", "SJ", "ML", "REML", "EB", "PM")) add(fit_case(paste("bcg", m), "bcg", m))
for (m in c("DL", "REML", "PM")) for (t in c("knha", "t")) add(fit_case(paste("bcg", m, t), "bcg", m, t))
for (m in c("EE", "DL", "REML")) add(fit_case(paste("hackshaw", m), "hackshaw", m))
add(fit_case("hackshaw REML knha", "hackshaw", "REML", "knha"))
for (m in c("EE", "DL", "REML")) add(fit_case(paste("normand MD", m), "normand_md", m))
for (m in c("EE", "DL", "REML", "ML", "PM")) add(fit_case(paste("normand SMD", m), "normand_smd", m))
add(fit_case("normand SMD REML knha", "normand_smd", "REML", "knha"))
add(fit_case("normand SMDH REML", "normand_smdh", "REML"))
add(fit_case("normand ROM REML", "normand_rom", "REML"))
for (m in c("EE", "DL", "REML", "SJ", "HE")) add(fit_case(paste("curtis ROM", m), "curtis", m))
for (m in c("DL", "REML")) add(fit_case(paste("molloy ZCOR", m), "molloy", m))
for (m in c("EE", "DL", "REML", "ML", "PM", "EB")) add(fit_case(paste("toy NMD", m), "toy_nmd", m))
for (m in c("DL", "REML")) for (t in c("z", "knha")) add(fit_case(paste("preclinical30 SMD", m, t), "preclinical30", m, t))
write_fixture(file.path(outdir, "rma.json"), "rma.uni fits: every estimator and test", datasets, cases, script)

# ---------------------------------------------------------------- meta-regression
cases <- list()
add(fit_case("bcg ~ ablat REML", "bcg", "REML", mods = "ablat", newmods = 30))
add(fit_case("bcg ~ ablat REML knha", "bcg", "REML", "knha", mods = "ablat", newmods = 10))
add(fit_case("bcg ~ ablat DL", "bcg", "DL", mods = "ablat", newmods = 50))
add(fit_case("bcg ~ ablat EE", "bcg", "EE", mods = "ablat"))
add(fit_case("bcg ~ ablat ML t", "bcg", "ML", "t", mods = "ablat"))
add(fit_case("bcg ~ ablat + year REML", "bcg", "REML", mods = c("ablat", "year")))
add(fit_case("bcg ~ factor(alloc) REML", "bcg", "REML", factors = "alloc", newmods = c(1, 0)))
add(fit_case("bcg ~ ablat + factor(alloc) PM", "bcg", "PM", mods = "ablat", factors = "alloc"))
add(fit_case("curtis ~ time REML", "curtis", "REML", mods = "time"))
add(fit_case("curtis ~ factor(fungrp) REML", "curtis", "REML", factors = "fungrp"))
add(fit_case("molloy ~ meanage REML", "molloy", "REML", mods = "meanage"))
add(fit_case("preclinical30 ~ log10_dose + factor(route) REML", "preclinical30", "REML", mods = "log10_dose", factors = "route", newmods = c(6, 0, 1)))
add(fit_case("preclinical30 ~ log10_dose REML knha", "preclinical30", "REML", "knha", mods = "log10_dose", newmods = 5.5))
write_fixture(file.path(outdir, "metareg.json"), "Meta-regression: coefficients, QM, QE, R2, predictions", datasets, cases, script)

# ---------------------------------------------------------------- Q-profile CIs
cases <- list()
ci_case <- function(name, dataset, method, test = "z") {
  cmd <- sprintf("confint(rma(yi, vi, data = %s, method = \"%s\", test = \"%s\"))", dataset, method, test)
  ci <- run(cmd)$random
  list(name = name, command = cmd, dataset = dataset, method = method, test = test,
       expected = list(tau2 = ci["tau^2", ], tau = ci["tau", ], I2 = ci["I^2(%)", ], H2 = ci["H^2", ]))
}
cases <- list(ci_case("bcg REML", "bcg", "REML"), ci_case("bcg DL", "bcg", "DL"), ci_case("bcg PM", "bcg", "PM"),
              ci_case("normand SMD REML", "normand_smd", "REML"), ci_case("hackshaw REML", "hackshaw", "REML"),
              ci_case("toy NMD REML", "toy_nmd", "REML"), ci_case("curtis REML", "curtis", "REML"),
              ci_case("preclinical30 REML", "preclinical30", "REML"))
write_fixture(file.path(outdir, "confint.json"), "Q-profile confidence intervals (estimate, ci.lb, ci.ub)", datasets, cases, script)

# ---------------------------------------------------------------- subgroups
sub_separate <- function(name, dataset, factor, method) {
  d <- get(dataset)
  lv <- sort(unique(as.character(d[[factor]])))
  cmd <- sprintf("lapply(split(%s, %s$%s), function(s) rma(yi, vi, data = s, method = \"%s\"))", dataset, dataset, factor, method)
  fits <- run(cmd)[lv]
  est <- sapply(fits, function(f) c(f$beta)); se <- sapply(fits, function(f) f$se)
  wald <- rma(est, sei = se, method = "EE")
  list(name = name, variant = "separate", command = paste0(cmd, "; rma(est, sei = se, method = \"EE\")$QE"),
       dataset = dataset, factor = factor, method = method, levels = lv,
       expected = list(estimate = est, se = se, tau2 = sapply(fits, function(f) f$tau2),
                       ci_lb = sapply(fits, function(f) f$ci.lb), ci_ub = sapply(fits, function(f) f$ci.ub),
                       Q = wald$QE, Qp = wald$QEp))
}
sub_partition <- function(name, dataset, factor) {
  d <- get(dataset)
  lv <- sort(unique(as.character(d[[factor]])))
  cmd <- sprintf("lapply(split(%s, %s$%s), function(s) rma(yi, vi, data = s, method = \"EE\"))", dataset, dataset, factor)
  fits <- run(cmd)[lv]
  total <- rma(yi, vi, data = d, method = "EE")
  qw <- sum(sapply(fits, function(f) f$QE))
  qb <- total$QE - qw
  list(name = name, variant = "partition", command = paste0(cmd, "; Q_between = rma(yi, vi, method = \"EE\")$QE - sum(QE within)"),
       dataset = dataset, factor = factor, method = "EE", levels = lv,
       expected = list(estimate = sapply(fits, function(f) c(f$beta)), se = sapply(fits, function(f) f$se),
                       Q_within = qw, Q = qb, Qp = pchisq(qb, length(lv) - 1, lower.tail = FALSE)))
}
sub_mixed <- function(name, dataset, factor, method) {
  cmd <- sprintf("rma(yi, vi, data = %s, method = \"%s\", mods = ~ factor(%s))", dataset, method, factor)
  res <- run(cmd)
  list(name = name, variant = "mixed", command = cmd, dataset = dataset, factor = factor, method = method,
       levels = sort(unique(as.character(get(dataset)[[factor]]))),
       expected = list(Q = res$QM, Qp = res$QMp, tau2 = res$tau2, QE = res$QE))
}
cases <- list(sub_mixed("bcg alloc mixed REML", "bcg", "alloc", "REML"),
              sub_separate("bcg alloc separate REML", "bcg", "alloc", "REML"),
              sub_partition("bcg alloc FE partition", "bcg", "alloc"),
              sub_partition("toy route FE partition", "toy_nmd", "route"),
              sub_mixed("toy route mixed REML", "toy_nmd", "route", "REML"),
              sub_mixed("toy route mixed DL", "toy_nmd", "route", "DL"),
              sub_separate("toy route separate DL", "toy_nmd", "route", "DL"),
              sub_separate("preclinical30 route separate REML", "preclinical30", "route", "REML"),
              sub_mixed("preclinical30 route mixed REML", "preclinical30", "route", "REML"))
write_fixture(file.path(outdir, "subgroups.json"), "Subgroup comparisons: mixed-effects QM, separate fits + Wald Q, FE partition", datasets, cases, script)

# ---------------------------------------------------------------- bias
cases <- list()
for (spec in list(c("bcg", "REML"), c("hackshaw", "EE"), c("hackshaw", "REML"), c("toy_nmd", "DL"), c("preclinical30", "REML"))) {
  ds <- spec[1]; m <- spec[2]
  fitcmd <- sprintf("rma(yi, vi, data = %s, method = \"%s\")", ds, m)
  res <- run(fitcmd)
  for (model in c("rma", "lm")) {
    cmd <- sprintf("regtest(%s, model = \"%s\")", fitcmd, model)
    r <- run(cmd)
    cases[[length(cases) + 1]] <- list(name = paste(ds, m, "regtest", model), kind = "regtest", command = cmd, dataset = ds, method = m,
      model = model, expected = list(zval = r$zval, pval = r$pval, est = r$est, ci_lb = r$ci.lb, ci_ub = r$ci.ub))
  }
  cmd <- sprintf("ranktest(%s)", fitcmd)
  r <- suppressWarnings(run(cmd))
  cases[[length(cases) + 1]] <- list(name = paste(ds, m, "ranktest"), kind = "ranktest", command = cmd, dataset = ds, method = m,
    expected = list(tau = c(r$tau), pval = r$pval))
  for (est in c("L0", "R0")) {
    cmd <- sprintf("trimfill(%s, estimator = \"%s\")", fitcmd, est)
    tf <- run(cmd)
    cases[[length(cases) + 1]] <- list(name = paste(ds, m, "trimfill", est), kind = "trimfill", command = cmd, dataset = ds,
      method = m, estimator = est, side = tf$side,
      expected = list(k0 = tf$k0, se_k0 = tf$se.k0, p_k0 = if (is.null(tf$p.k0)) NA else tf$p.k0, beta = c(tf$beta), se = tf$se,
                      ci_lb = tf$ci.lb, ci_ub = tf$ci.ub, tau2 = tf$tau2, QE = tf$QE,
                      filled_yi = if (tf$k0 > 0) tf$yi[tf$fill] else numeric(0),
                      filled_vi = if (tf$k0 > 0) tf$vi[tf$fill] else numeric(0)))
  }
}
write_fixture(file.path(outdir, "bias.json"), "Egger (regtest rma/lm), Begg (ranktest), trim-and-fill (L0/R0)", datasets, cases, script)

# ---------------------------------------------------------------- sensitivity
cases <- list()
l1o_case <- function(ds, m, t = "z") {
  fitcmd <- sprintf("rma(yi, vi, data = %s, method = \"%s\", test = \"%s\")", ds, m, t)
  cmd <- sprintf("leave1out(%s)", fitcmd)
  r <- run(cmd)
  list(name = paste(ds, m, t, "leave1out"), kind = "leave1out", command = cmd, dataset = ds, method = m, test = t,
       expected = list(estimate = r$estimate, se = r$se, zval = if (is.null(r$zval)) r$tval else r$zval, pval = r$pval,
                       ci_lb = r$ci.lb, ci_ub = r$ci.ub, Q = r$Q, Qp = r$Qp, tau2 = r$tau2, I2 = r$I2, H2 = r$H2))
}
cumul_case <- function(ds, m, orderby) {
  fitcmd <- sprintf("rma(yi, vi, data = %s, method = \"%s\")", ds, m)
  cmd <- sprintf("cumul(%s, order = %s$%s)", fitcmd, ds, orderby)
  r <- run(cmd)
  list(name = paste(ds, m, "cumul by", orderby), kind = "cumul", command = cmd, dataset = ds, method = m, test = "z", order_by = orderby,
       expected = list(estimate = r$estimate, se = r$se, zval = r$zval, pval = r$pval, ci_lb = r$ci.lb, ci_ub = r$ci.ub,
                       Q = r$Q, Qp = r$Qp, tau2 = r$tau2, I2 = r$I2, H2 = r$H2))
}
inf_case <- function(ds, m, t = "z", mods = character(0)) {
  modstr <- if (length(mods)) paste0(", mods = ~ ", paste(mods, collapse = " + ")) else ""
  fitcmd <- sprintf("rma(yi, vi, data = %s, method = \"%s\", test = \"%s\"%s)", ds, m, t, modstr)
  cmd <- sprintf("influence(%s)", fitcmd)
  r <- run(cmd)
  list(name = paste(ds, m, t, paste(mods, collapse = "+"), "influence"), kind = "influence", command = cmd, dataset = ds,
       method = m, test = t, mods = as.list(mods),
       expected = list(rstudent = r$inf$rstudent, dffits = r$inf$dffits, cook_d = r$inf$cook.d, cov_r = r$inf$cov.r,
                       tau2_del = r$inf$tau2.del, QE_del = r$inf$QE.del, hat = r$inf$hat, weight = r$inf$weight,
                       inf = r$inf$inf == "*",
                       # DFBETAS column by column (all studies for coefficient 1, then 2, ...)
                       dfbs = as.numeric(unlist(unclass(r$dfbs)[setdiff(names(r$dfbs), c("slab", "digits"))]))))
}
cases <- list(l1o_case("bcg", "REML"), l1o_case("bcg", "DL", "knha"), l1o_case("normand_smd", "DL"), l1o_case("toy_nmd", "REML"),
              cumul_case("bcg", "REML", "year"), cumul_case("hackshaw", "DL", "year"),
              inf_case("bcg", "REML"), inf_case("bcg", "REML", mods = "ablat"), inf_case("hackshaw", "REML"),
              inf_case("bcg", "DL", "knha"), inf_case("toy_nmd", "REML"), inf_case("preclinical30", "REML", mods = "log10_dose"))

write_fixture(file.path(outdir, "sensitivity.json"), "leave1out, cumul, influence", c(datasets, list()), cases, script)

# ---------------------------------------------------------------- permutation tests
cases <- list()
perm_case <- function(name, fitcmd, exact, iter = 1000, seed = NULL) {
  cmd <- sprintf("%spermutest(%s, exact = %s, iter = %d)", if (is.null(seed)) "" else sprintf("set.seed(%d); ", seed),
                 fitcmd, if (exact) "TRUE" else "FALSE", iter)
  r <- run(cmd)
  list(name = name, command = cmd, exact = exact, iter = iter,
       expected = list(pval = r$pval, QMp = r$QMp, zval = r$zval, QM = r$QM))
}
bcg7 <- bcg[1:7, ]
datasets$bcg7 <- list(labels = bcg7$label, yi = bcg7$yi, vi = bcg7$vi, ablat = dat.bcg$ablat[1:7])
cases <- list(
  c(perm_case("bcg REML intercept exact sign-flip", "rma(yi, vi, data = bcg, method = \"REML\")", TRUE), list(dataset = "bcg", method = "REML", mods = list(), factors = list())),
  c(perm_case("toy NMD DL intercept exact sign-flip", "rma(yi, vi, data = toy_nmd, method = \"DL\")", TRUE), list(dataset = "toy_nmd", method = "DL", mods = list(), factors = list())),
  c(perm_case("toy NMD REML factor(route) exact rows", "rma(yi, vi, data = toy_nmd, method = \"REML\", mods = ~ factor(route))", TRUE), list(dataset = "toy_nmd", method = "REML", mods = list(), factors = list("route"))),
  c(perm_case("bcg7 REML ablat exact rows", "rma(yi, vi, data = bcg7, method = \"REML\", mods = ~ ablat)", TRUE), list(dataset = "bcg7", method = "REML", mods = list("ablat"), factors = list())),
  c(perm_case("bcg REML ablat random 5000", "rma(yi, vi, data = bcg, method = \"REML\", mods = ~ ablat)", FALSE, 5000, 1234), list(dataset = "bcg", method = "REML", mods = list("ablat"), factors = list()))
)
write_fixture(file.path(outdir, "permutest.json"), "permutest: exact (deterministic) and random (compare statistically)", datasets, cases, script)

# ---------------------------------------------------------------- distributions (base R stats)
x <- c(-40, -8.5, -3.2, -1.96, -0.5, 0, 0.3, 1.2, 2.5, 7, 38)
dfs <- c(1, 2.5, 7, 30, 300)
ps <- c(1e-12, 1e-6, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999, 1 - 1e-9)
qx <- c(1e-8, 0.01, 0.4, 1, 3.3, 11, 60, 250, 900)
dist <- list(
  pnorm = list(x = x, p = pnorm(x), upper = pnorm(x, lower.tail = FALSE)),
  qnorm = list(p = ps, q = qnorm(ps)),
  pt = lapply(dfs, function(d) list(df = d, x = x, p = pt(x, d), upper = pt(x, d, lower.tail = FALSE))),
  qt = lapply(dfs, function(d) list(df = d, p = ps, q = qt(ps, d))),
  pchisq = lapply(dfs, function(d) list(df = d, x = qx, p = pchisq(qx, d), upper = pchisq(qx, d, lower.tail = FALSE))),
  qchisq = lapply(dfs, function(d) list(df = d, p = ps, q = qchisq(ps, d))),
  pf = lapply(list(c(1, 11), c(2, 10), c(3, 98), c(7.5, 2.5)), function(d) list(df1 = d[1], df2 = d[2], x = qx, p = pf(qx, d[1], d[2]), upper = pf(qx, d[1], d[2], lower.tail = FALSE)))
)
writeLines(to_json(list(description = "pnorm/qnorm/pt/qt/pchisq/qchisq/pf from base R", generator = script,
                        r_version = R.version.string, metafor_version = as.character(packageVersion("metafor")),
                        commands = "pnorm(x); pt(x, df); qt(p, df); pchisq(x, df); qchisq(p, df); pf(x, df1, df2) (lower and upper tails)",
                        values = dist)), file.path(outdir, "distributions.json"))
cat("wrote distributions.json\n")
