suppressMessages(library(metafor))
d <- read.csv("/work/shared/data/syrf/quantitative_data_example.csv", check.names=FALSE, strip.white=TRUE)
d$line <- seq_len(nrow(d)) + 1
get <- function(l) d[d$line==l,]
# pairs (treated line, control line, number sharing the control), read from the file
pairs <- list(c(3,2,2),c(4,2,2),c(6,5,2),c(7,5,2),c(9,8,1),c(13,12,1),c(14,15,1),c(18,21,3),c(19,21,3),c(20,21,3),
 c(23,22,3),c(24,22,3),c(25,22,3),c(27,26,1),c(29,28,1),c(30,31,1),c(32,34,3),c(33,34,3),c(35,34,3),c(39,38,1),c(43,42,1),c(45,44,1))
r <- do.call(rbind, lapply(pairs, function(p) { t <- get(p[1]); c <- get(p[2]);
  s <- if (toupper(trimws(t$GreaterIsWorse))=="TRUE") -1 else 1
  data.frame(m1=t$OutcomeAverage, sd1=t$OutcomeError, n1=t$NumberOfAnimals, m2=c$OutcomeAverage, sd2=c$OutcomeError, n2=c$NumberOfAnimals/p[3], s=s) }))
e <- escalc("SMD", m1i=m1, sd1i=sd1, n1i=n1, m2i=m2, sd2i=sd2, n2i=n2, data=r)
e$yi <- e$yi * r$s
res <- rma(yi, vi, data=e, method="REML")
cat(formatC(c(res$b, res$se, res$tau2, res$I2, res$QE, e$yi[1], e$vi[1]), digits=10, format="g"), "\n")
