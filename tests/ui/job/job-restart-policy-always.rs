fn main() {
    let _job = k8s_dsl::job! {
        name: "math-add-job",
        template: {
            restartPolicy: Always,
            containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
        },
    };
}
