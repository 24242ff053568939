# Reference values for Tests/StromaCLITests/MetaCommandTests.swift (synthetic example, NMD).
# Run from the repository root: Rscript scripts/reference/meta-cli/synthetic_nmd_reml.R
# NMD (Vesterinen et al. 2014): yi = 100 (m2 - m1) / (m2 - sham), SD* = 100 SD / |m2 - sham|,
# vi = SD*_c^2 / n_c + SD*_rx^2 / n_rx; the shared control of Synthetic-19/20 has n_c / 2.
suppressMessages(library(metafor))
d <- read.csv("examples/synthetic_msc_stroke.csv", comment.char = "#")
share <- ave(rep(1, nrow(d)), ifelse(d$control_group == "", seq_len(nrow(d)), d$control_group), FUN = length)
n2 <- d$n2 / share
deficit <- d$m2 - d$m_sham
d$yi <- 100 * (d$m2 - d$m1) / deficit
d$vi <- (100 * d$sd2 / abs(deficit))^2 / n2 + (100 * d$sd1 / abs(deficit))^2 / d$n1
p <- function(x) cat(formatC(x, digits = 10, format = "g"), "\n")
res <- rma(yi, vi, data = d, method = "REML")
p(c(res$b, res$se, res$ci.lb, res$ci.ub, res$tau2, res$I2, res$H2, res$QE, res$QEp))
pr <- predict(res); p(c(pr$pi.lb, pr$pi.ub))
sub <- rma(yi, vi, mods = ~ factor(route), data = d, method = "REML"); p(c(sub$QM, sub$QMp))
reg <- rma(yi, vi, mods = ~ log10_dose_per_kg, data = d, method = "REML")
p(c(reg$b, reg$se, reg$QM, reg$QMp, reg$QE, reg$R2, reg$tau2))
dl <- rma(yi, vi, data = d, method = "DL", test = "knha"); p(c(dl$b, dl$se, dl$ci.lb, dl$ci.ub, dl$tau2))
