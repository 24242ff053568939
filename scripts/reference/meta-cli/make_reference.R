# metafor reference values for Tests/StromaCLITests/MetaReferenceTests.swift.
# Writes scripts/reference/meta-cli/metafor_reference.json: a list of cases, each with the `stroma meta`
# arguments and the metafor value expected at each JSON path of the command's output.
#
# Run from the repository root (R 4.2.2, metafor 3.8-1, jsonlite):
#   STROMA_SHARED_DATA=/path/to/shared/data Rscript scripts/reference/meta-cli/make_reference.R
#
# Data: examples/synthetic_msc_stroke.csv (made-up, see examples/make_synthetic_msc_stroke.py) and the
# SyRF quantitative export $STROMA_SHARED_DATA/syrf/quantitative_data_example.csv. The effect sizes are
# computed here from the raw columns, independently of Stroma's readers: NMD by the Vesterinen et al.
# (2014) formula, SMD with escalc(); the SyRF treated/control pairs were read from the file by hand.
suppressMessages({ library(metafor); library(jsonlite) })
shared <- Sys.getenv("STROMA_SHARED_DATA", "/work/shared/data")

# ---- synthetic example ----------------------------------------------------------------------------
d <- read.csv("examples/synthetic_msc_stroke.csv", comment.char = "#")
share <- ave(rep(1, nrow(d)), ifelse(d$control_group == "", seq_len(nrow(d)), d$control_group), FUN = length)
n2 <- d$n2 / share
deficit <- d$m2 - d$m_sham
syn_nmd <- data.frame(yi = 100 * (d$m2 - d$m1) / deficit,
  vi = (100 * d$sd2 / abs(deficit))^2 / n2 + (100 * d$sd1 / abs(deficit))^2 / d$n1,
  route = d$route, source = d$source, log10_dose_per_kg = d$log10_dose_per_kg,
  hours = d$hours_after_injury)
# SMD: infarct volume, greater is worse, so benefit = control - treated.
e <- escalc("SMD", m1i = d$m2, sd1i = d$sd2, n1i = n2, m2i = d$m1, sd2i = d$sd1, n2i = d$n1)
syn_smd <- data.frame(yi = as.numeric(e$yi), vi = as.numeric(e$vi), route = d$route,
  hours = d$hours_after_injury)

# ---- SyRF export -----------------------------------------------------------------------------------
s <- read.csv(file.path(shared, "syrf/quantitative_data_example.csv"), check.names = FALSE,
  strip.white = TRUE)
s$line <- seq_len(nrow(s)) + 1
get <- function(l) s[s$line == l, ]
# (treated line, control line, number of comparisons sharing the control)
pairs <- list(c(3,2,2),c(4,2,2),c(6,5,2),c(7,5,2),c(9,8,1),c(13,12,1),c(14,15,1),c(18,21,3),c(19,21,3),
  c(20,21,3),c(23,22,3),c(24,22,3),c(25,22,3),c(27,26,1),c(29,28,1),c(30,31,1),c(32,34,3),c(33,34,3),
  c(35,34,3),c(39,38,1),c(43,42,1),c(45,44,1))
r <- do.call(rbind, lapply(pairs, function(p) { t <- get(p[1]); c <- get(p[2])
  sgn <- if (toupper(trimws(t$GreaterIsWorse)) == "TRUE") -1 else 1
  data.frame(m1 = t$OutcomeAverage, sd1 = t$OutcomeError, n1 = t$NumberOfAnimals,
    m2 = c$OutcomeAverage, sd2 = c$OutcomeError, n2 = c$NumberOfAnimals / p[3], sgn = sgn,
    outcome = trimws(t$OutcomeLabel), time = t$TimeInMinute) }))
e <- escalc("SMD", m1i = m1, sd1i = sd1, n1i = n1, m2i = m2, sd2i = sd2, n2i = n2, data = r)
syrf <- data.frame(yi = as.numeric(e$yi) * r$sgn, vi = as.numeric(e$vi), outcome = r$outcome,
  time = r$time)

# ---- JSON paths ------------------------------------------------------------------------------------
source("scripts/reference/metafor-json-paths.R")

example <- "examples/synthetic_msc_stroke.csv"
syrf_file <- "$STROMA_SHARED_DATA/syrf/quantitative_data_example.csv"
cases <- list(
  list(name = "synthetic NMD, REML, pooled", args = c("meta", "--input", example, "--measure", "NMD"),
    expected = pooled(rma(yi, vi, data = syn_nmd, method = "REML"))),
  list(name = "synthetic SMD, DL, Knapp-Hartung", args = c("meta", "--input", example, "--measure", "SMD",
    "--method", "DL", "--test", "knha"),
    expected = { res <- rma(yi, vi, data = syn_smd, method = "DL", test = "knha")
      x <- pooled(res); x$statistic <- res$zval; x }),
  list(name = "synthetic NMD, PM, pooled", args = c("meta", "--input", example, "--measure", "NMD",
    "--method", "PM"), expected = pooled(rma(yi, vi, data = syn_nmd, method = "PM"))),
  list(name = "synthetic NMD, subgroups by route", args = c("meta", "--input", example, "--measure", "NMD",
    "--by", "route"), expected = subgroups(syn_nmd, "route")),
  list(name = "synthetic NMD, meta-regression on route and log10 dose", args = c("meta", "--input", example,
    "--measure", "NMD", "--mods", "route,log10_dose_per_kg"),
    expected = regression(rma(yi, vi, mods = ~ route + log10_dose_per_kg, data = syn_nmd, method = "REML"))),
  list(name = "synthetic SMD, meta-regression on hours after injury", args = c("meta", "--input", example,
    "--measure", "SMD", "--mods", "hours_after_injury"),
    expected = regression(rma(yi, vi, mods = ~ hours, data = syn_smd, method = "REML"))),
  list(name = "SyRF SMD, REML, pooled", args = c("meta", "--input", syrf_file, "--syrf", "--measure", "SMD"),
    expected = pooled(rma(yi, vi, data = syrf, method = "REML"))),
  list(name = "SyRF SMD, subgroups by outcome", args = c("meta", "--input", syrf_file, "--syrf", "--measure",
    "SMD", "--by", "outcome"), expected = subgroups(syrf, "outcome")),
  list(name = "SyRF SMD, meta-regression on time", args = c("meta", "--input", syrf_file, "--syrf",
    "--measure", "SMD", "--mods", "time"),
    expected = regression(rma(yi, vi, mods = ~ time, data = syrf, method = "REML")))
)
cases <- lapply(cases, function(c) { c$expected <- lapply(c$expected, num); c })
doc <- list(generated_by = "Rscript scripts/reference/meta-cli/make_reference.R",
  r_version = R.version.string, metafor_version = as.character(packageVersion("metafor")), cases = cases)
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE),
  "scripts/reference/meta-cli/metafor_reference.json")
cat("wrote", length(cases), "cases\n")
