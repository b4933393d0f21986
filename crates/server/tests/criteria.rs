//! The planner's own criteria through the API: an impossible quota and an
//! unknown attribute are explained in English (`error`, the CLI's text)
//! and in both languages of the catalogue (`localized`).

mod common;

use common::*;

#[tokio::test]
async fn an_impossible_quota_is_explained_in_both_languages() {
    let a = post(
        &app(),
        "/api/solve?at-least=Erfahrung%3Dja%3A2",
        fixture("growth-60-planner.csv"),
    )
    .await;
    assert_eq!(a.status, 422, "{}", a.text());
    let e = a.json();
    assert_eq!(e["kind"], "infeasible");
    let en = e["error"].as_str().unwrap();
    assert!(
        en.contains("at least 2 members with Erfahrung=ja per cluster needs 8"),
        "{en}"
    );
    assert_eq!(e["localized"]["en"], en);
    let de = e["localized"]["de"].as_str().unwrap();
    assert!(
        de.contains("keine zulässige Aufstellung: mindestens 2 Mitglieder mit Erfahrung=ja je Cluster braucht 8 in Klasse Kleinstadt"),
        "{de}"
    );
}

#[tokio::test]
async fn an_unknown_attribute_is_named_in_both_languages() {
    let a = post(
        &app(),
        "/api/solve?alike=Erfarung",
        fixture("growth-60-planner.csv"),
    )
    .await;
    assert_eq!(a.status, 400, "{}", a.text());
    let e = a.json();
    assert!(
        e["error"].as_str().unwrap().contains("did you mean `Erfahrung`?"),
        "{e}"
    );
    assert!(
        e["localized"]["de"]
            .as_str()
            .unwrap()
            .contains("meinten Sie „Erfahrung“?"),
        "{e}"
    );
}
