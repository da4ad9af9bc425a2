fn main() {
    let _job = k8s_dsl::job! {
        name: "a-job-name-that-is-long-enough-to-overflow-a-dns-label-with-index",
        completionMode: Indexed,
        completions: 100,
        template: { restartPolicy: Never, containers: [ { name: "work", image: "ubuntu" } ] },
    };
}
