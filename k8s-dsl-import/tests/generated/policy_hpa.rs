// `tests/corpus/policy/hpa.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/policy/hpa.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // HorizontalPodAutoscaler `web` (document 1)
        HorizontalPodAutoscaler::new("web")
            .scale_target(ScaleTarget::deployment("web"))
            .min_replicas(2)
            .max_replicas(10)
            .metric(Metric::cpu_utilization(70))
            .metric(Metric::resource(
                "memory",
                MetricTarget::average_value("500Mi"),
            ))
            .metric(Metric::pods(
                "requests_per_second",
                MetricTarget::average_value("100"),
            ))
            .metric(Metric::object(
                ScaleTarget::new("networking.k8s.io/v1", "Ingress", "web"),
                "requests-per-second",
                MetricTarget::value("10k"),
            ))
            .metric(
                Metric::external("queue_messages_ready", MetricTarget::average_value("30"))
                    .selector(Selector::new().label("queue", "worker_tasks")),
            )
            .metric(Metric::container_resource(
                "web",
                "cpu",
                MetricTarget::utilization(60),
            ))
            .scale_up(
                ScalingRules::new()
                    .policy(ScalingPolicy::pods(4, Duration::seconds(15)))
                    .policy(ScalingPolicy::percent(100, Duration::seconds(15)))
                    .select_policy(SelectPolicy::Max),
            )
            .scale_down(
                ScalingRules::new()
                    .policy(ScalingPolicy::percent(10, Duration::minutes(1)))
                    .stabilization_window(Duration::minutes(5)),
            )
            .build()?
            .into(),
        // HorizontalPodAutoscaler `db` (document 2)
        HorizontalPodAutoscaler::new("db")
            .scale_target(ScaleTarget::stateful_set("db"))
            .max_replicas(5)
            .build()?
            .into(),
    ])
}
