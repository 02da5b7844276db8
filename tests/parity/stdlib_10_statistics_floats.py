# statistics on float data: exact means and variances (as CPython computes
# them with fractions), covariance and regression
import statistics as st, random
random.seed(5)
for k in range(30):
    data = [random.random() * 100 for _ in range(random.randint(2, 20))]
    print(st.mean(data), st.harmonic_mean(data), st.variance(data), st.stdev(data), st.pvariance(data))
print(st.mean([0.1, 0.2, 0.3]), st.fmean([0.1, 0.2, 0.3]), st.variance([0.1, 0.2, 0.3, 0.4]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.median([1.5, 2.5]), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=10), st.quantiles(range(1, 11), n=4, method="inclusive"))
print(st.mode(["red", "blue", "red"]), st.multimode("aabbbcc"), st.mean([1, 2.5]), st.pvariance([1, 2, 3, 4]))
nd = st.NormalDist(100, 15)
print(round(nd.cdf(115), 6), nd.mean, nd.stdev, nd + 5, round(st.NormalDist.from_samples([2.5, 3.25, 5.5, 11.25]).stdev, 9))
