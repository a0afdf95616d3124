# Writes a CSV ledger of n sales (-v n=ROWS -v bad=PERCENT) for deal.pacta:
# dates spread evenly over 2020-2023, amounts from 10.00 to 470.00 from a
# linear congruential generator (exact in awk's doubles), one in 16 with a refund of a tenth, AWS
# from 2022, and bad% of the rows on GoogleCloud (breaches of clause 1).
BEGIN {
  split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
  nd = 0
  for (y = 2020; y <= 2023; y++)
    for (m = 1; m <= 12; m++) {
      last = mdays[m]
      if (m == 2 && y % 4 == 0) last = 29
      for (d = 1; d <= last; d++) days[nd++] = sprintf("%d-%02d-%02d", y, m, d)
    }
  print "action,actor,date,platform,gross,refunds"
  seed = 42
  for (i = 0; i < n; i++) {
    seed = (seed * 69069 + 1) % 4294967296
    cents = 1000 + seed % 46001
    ref = (seed % 16 == 0) ? int(cents / 10) : 0
    date = days[int(i * nd / n)]
    r = int(seed / 65536) % 100
    if (r < bad) p = "GoogleCloud"
    else if (date >= "2022-01-01" && r % 3 == 0) p = "AWS"
    else if (r % 2 == 0) p = "Direct"
    else p = "Azure"
    printf "sell,seller,%s,%s,%d.%02d,%d.%02d\n", date, p, int(cents / 100), cents % 100, int(ref / 100), ref % 100
  }
}
