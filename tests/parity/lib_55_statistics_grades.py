# statistics on exam scores: mean, median, mode, stdev, variance, quantiles
import statistics as st

scores = [70, 85, 85, 90, 95, 60, 75, 80]
print("mean:", st.mean(scores))
print("fmean:", st.fmean(scores))
print("median:", st.median(scores), "low:", st.median_low(scores), "high:", st.median_high(scores))
print("mode:", st.mode(scores), "multimode:", st.multimode([1, 1, 2, 2, 3]))
print("pvariance:", st.pvariance(scores), "variance:", st.variance(scores))
print("pstdev:", st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print("stdev:", round(st.stdev(scores), 6))
print("stdev exact:", st.stdev([1, 3, 5, 7, 9]))
print("quantiles:", st.quantiles(scores, n=4))
print("geometric:", round(st.geometric_mean([1, 10, 100]), 9), "harmonic:", st.harmonic_mean([40, 60]))
print("median of odd:", st.median([3, 1, 2]), "mean of floats:", st.mean([0.5, 0.25, 0.25]))
print("fractions-free ints:", st.mean([1, 2, 3, 4]), type(st.mean([1, 2, 3, 4])).__name__)
print("grouped median:", st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
for label, data in [("team a", [12, 15, 11, 14]), ("team b", [5, 25, 8, 22])]:
    print(f"{label}: mean {st.mean(data)} spread {round(st.pstdev(data), 3)}")
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
try:
    st.stdev([4])
except st.StatisticsError as e:
    print("StatisticsError:", e)
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print("correlation:", round(st.correlation(x, y), 6), "covariance:", st.covariance(x, y))
slope, intercept = st.linear_regression(x, y)
print("regression:", round(slope, 6), round(intercept, 6))
