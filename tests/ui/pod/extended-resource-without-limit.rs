fn main() {
    let _pod = k8s_dsl::pod! {
        name: "train",
        containers: [ {
            name: "trainer",
            image: "example/trainer:1.0",
            resources: { requests: { "example.com/gpu": 1, memory: "1Gi" }, limits: { memory: "1Gi" } },
        } ],
    };
}
