# Minimal JSON writer with full double precision (sprintf("%.17g")) for Stroma's metafor fixtures.
# Rules: numeric and logical vectors are always arrays (NA -> null); a character vector of length 1
# is a string, longer ones are arrays; named lists are objects, unnamed lists arrays.

json_string <- function(s) {
  s <- gsub("\\\\", "\\\\\\\\", s)
  s <- gsub("\"", "\\\\\"", s)
  s <- gsub("\n", "\\\\n", s)
  paste0("\"", s, "\"")
}

to_json <- function(x, indent = 0) {
  pad <- strrep("  ", indent + 1)
  end <- strrep("  ", indent)
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    items <- vapply(x, to_json, "", indent = indent + 1)
    if (!is.null(names(x)) && all(names(x) != "")) {
      return(paste0("{\n", paste0(pad, json_string(names(x)), ": ", items, collapse = ",\n"), "\n", end, "}"))
    }
    return(paste0("[\n", paste0(pad, items, collapse = ",\n"), "\n", end, "]"))
  }
  if (is.factor(x)) x <- as.character(x)
  if (is.character(x)) {
    if (length(x) == 1) return(json_string(x))
    return(paste0("[", paste(json_string(x), collapse = ", "), "]"))
  }
  if (is.logical(x)) {
    return(paste0("[", paste(ifelse(is.na(x), "null", ifelse(x, "true", "false")), collapse = ", "), "]"))
  }
  x <- as.numeric(x)
  s <- ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "1e308", "-1e308"), sprintf("%.17g", x)))
  paste0("[", paste(s, collapse = ", "), "]")
}

write_fixture <- function(path, description, datasets, cases, script) {
  out <- list(
    description = description,
    generator = script,
    r_version = R.version.string,
    metafor_version = as.character(packageVersion("metafor")),
    metadat_version = as.character(packageVersion("metadat")),
    tolerance_note = "Values printed with sprintf('%.17g'); compare at 1e-6 relative (Tolerance.*)",
    datasets = datasets,
    cases = cases
  )
  writeLines(to_json(out), path)
  cat("wrote", path, "with", length(cases), "cases\n")
}
