//! The planner's own criteria through the API: an impossible quota and an
//! unknown attribute are explained in English (the CLI's text) and, with
//! `lang=de`, in German from the catalogue.

mod common;

use common::*;

#[tokio::test]
async fn an_impossible_quota_is_explained_in_the_requests_language() {
    let app = app();
    let planner = fixture("growth-60-planner.csv");
    let a = post(&app, "/api/solve?at-least=Erfahrung%3Dja%3A2", planner.clone()).await;
    assert_eq!(a.status, 422, "{}", a.text());
    let e = a.json();
    assert_eq!((&e["kind"], &e["lang"]), (&"infeasible".into(), &"en".into()));
    let en = e["error"].as_str().unwrap();
    assert!(
        en.contains("at least 2 members with Erfahrung=ja per cluster needs 8"),
        "{en}"
    );
    let a = post(&app, "/api/solve?lang=de&at-least=Erfahrung%3Dja%3A2", planner).await;
    assert_eq!(a.status, 422, "{}", a.text());
    let e = a.json();
    assert_eq!(e["lang"], "de");
    let de = e["error"].as_str().unwrap();
    assert!(
        de.contains("keine zulässige Aufstellung: mindestens 2 Mitglieder mit Erfahrung=ja je Cluster braucht 8 in Klasse Kleinstadt"),
        "{de}"
    );
}

#[tokio::test]
async fn an_unknown_attribute_is_named_in_the_requests_language() {
    let app = app();
    let planner = fixture("growth-60-planner.csv");
    let a = post(&app, "/api/solve?alike=Erfarung", planner.clone()).await;
    assert_eq!(a.status, 400, "{}", a.text());
    assert!(
        a.json()["error"]
            .as_str()
            .unwrap()
            .contains("did you mean `Erfahrung`?"),
        "{}",
        a.text()
    );
    let a = post(&app, "/api/solve?lang=de&alike=Erfarung", planner).await;
    assert_eq!(a.status, 400, "{}", a.text());
    assert!(
        a.json()["error"]
            .as_str()
            .unwrap()
            .contains("meinten Sie „Erfahrung“?"),
        "{}",
        a.text()
    );
}
