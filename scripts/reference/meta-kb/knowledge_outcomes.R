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
# The helpers pooled/regression/subgroups come from scripts/reference/metafor-json-paths.R.
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

source("scripts/reference/metafor-json-paths.R")
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
