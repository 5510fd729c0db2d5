"""Time, place and attribution read across a whole story: the project's own sentences, fixed story dates."""

from __future__ import annotations

import whimbrel


def _events(text: str, date: str = "2025-06-05"):
    return whimbrel.code_text(text, date=date)


def test_a_facility_named_again_is_where_the_story_first_put_it():
    text = ("Kenyan fans gathered inside the stadium in Nairobi on Sunday. "
            "Police in Kenya arrested three fans outside the stadium.")
    (arrested,) = [e for e in _events(text) if e.trigger == "arrested"]
    assert arrested.location == "Nairobi"
    alone = "Police in Kenya arrested three fans outside the stadium."
    (arrested,) = [e for e in _events(alone) if e.trigger == "arrested"]
    assert arrested.location == "Kenya"  # no earlier stadium: the subject's place


def test_an_area_named_with_a_name_or_beside_one_is_a_place():
    (held,) = [e for e in _events("Sudan and South Sudan will hold peace talks in Ethiopia's capital, Addis Ababa, "
                                  "next week.") if e.trigger == "hold"]
    assert held.location == "Addis Ababa"
    (shelled,) = [e for e in _events("Ethiopian troops shelled the rebel enclave in Amhara region on Monday.")
                  if e.trigger == "shelled"]
    assert shelled.location == "Amhara region"


def test_a_place_on_the_clauses_subject():
    (strikes,) = [e for e in _events("The rebel enclave in southern Idlib province shrank under Syrian airstrikes.")
                  if e.trigger == "airstrikes"]
    assert strikes.location == "Idlib province"
    (demand,) = [e for e in _events("A communique issued by the Sudanese army in Khartoum demanded that Egypt "
                                    "withdraw its troops.") if e.trigger == "demanded"]
    assert demand.location == "Khartoum"


def test_the_news_of_the_lead_sets_the_place_of_events_with_none():
    text = ("Peace talks in Doha between Afghan officials and the Taliban have collapsed. "
            "The Afghan delegation blamed the Taliban for the failure. "
            "In 2019 Afghan officials had accused Pakistan of sheltering the Taliban.")
    events = _events(text)
    assert {e.location for e in events if e.trigger in ("talks", "blamed")} == {"Doha"}
    (accused,) = [e for e in events if e.trigger == "accused"]
    assert (accused.temporal_status, accused.location) == ("background", None)
    (blamed,) = [e for e in _events("The Afghan delegation blamed the Taliban for the failure.")
                 if e.trigger == "blamed"]
    assert blamed.location is None


def test_state_media_is_the_countrys_state_agency_unless_the_story_names_the_outlet():
    (bombed,) = [e for e in _events("Syrian state media said Israeli jets bombed an airbase near Homs on Tuesday.")
                 if e.trigger == "bombed"]
    assert bombed.reported_by == ("Syrian state media (SANA)",)
    named = ("Syrian state media said Israeli jets bombed an airbase near Homs on Tuesday, the Syrian Arab News "
             "Agency reported.")
    (bombed,) = [e for e in _events(named) if e.trigger == "bombed"]
    assert bombed.reported_by == ("SANA",)


def test_an_event_told_inside_a_quotation_is_sourced_to_its_speaker():
    text = ("Kenyan President William Ruto met reporters. \u201cWe are sure that Kenya will expel two Somali "
            "diplomats. The decision is final,\u201d he said.")
    (expel,) = [e for e in _events(text) if e.trigger == "expel"]
    assert expel.reported_by == ("William Ruto",)


def test_text_between_two_quotations_is_not_a_quotation():
    from whimbrel.attribution import _quotations

    text = ('"We will not yield," the minister said. Kenya expelled two diplomats.\n'
            '    "The decision is final and it will stand," he said.')
    assert [text[a:b] for a, b in _quotations(text)] == ["We will not yield,",
                                                        "The decision is final and it will stand,"]
    unclosed = '"The first paragraph of a quotation runs on.\n    "And the second one ends it," he said.'
    assert [unclosed[a:b] for a, b in _quotations(unclosed)] == ["And the second one ends it,"]


def test_an_outlet_someone_spoke_to_sources_only_what_they_said():
    text = ("Kenyan President William Ruto told the Daily Nation that Kenya would expel two Somali diplomats. "
            "Ethiopian troops shelled the rebel enclave in Amhara region on Monday.")
    events = {e.trigger: e for e in _events(text)}
    assert events["expel"].reported_by == ("William Ruto", "Daily Nation")
    assert "Daily Nation" not in events["shelled"].reported_by
    reported = text + " The Daily Nation reported the talks."
    assert "Daily Nation" in {e.trigger: e for e in _events(reported)}["shelled"].reported_by


def test_a_part_of_a_named_place_or_a_two_word_preposition_reaches_the_place():
    (killed,) = [e for e in _events("Two soldiers were killed by a roadside bomb outside of the Afghan city of "
                                    "Kandahar.", date="2010-05-01") if e.trigger == "killed"]
    assert killed.location == "Kandahar"
    assert [a.code for a in killed.actor] == ["AFG"]  # no one named: the act is the place's
    blasts = [e for e in _events("A journalist was killed in a car bomb blast in a busy district of western "
                                 "Kabul.", date="2010-05-01") if e.trigger == "killed"]
    assert blasts and blasts[0].location == "Kabul"


def test_a_source_named_by_someone_elses_role_is_that_role_not_the_one_it_serves():
    (send,) = [e for e in _events("A spokeswoman for the Kenyan foreign ministry said Nairobi would send troops "
                                  "to Somalia.") if e.trigger == "send"]
    assert send.reported_by == ("spokeswoman for the Kenyan foreign ministry",)
    (expel,) = [e for e in _events("Ruto’s deputy, Kithure Kindiki, said Kenya would expel two Somali diplomats.")
                if e.trigger == "expel"]
    assert expel.reported_by == ("Ruto’s deputy, Kithure Kindiki",)
    (expel,) = [e for e in _events("The chief of staff of Kenya’s armed forces said Kenya would expel two Somali "
                                   "diplomats.") if e.trigger == "expel"]
    assert expel.reported_by == ("chief of staff of Kenya’s armed forces",)
    (named,) = [e for e in _events("Kenyan President William Ruto said Kenya would expel two Somali diplomats.")
                if e.trigger == "expel"]
    assert named.reported_by == ("William Ruto",)


def test_an_outlet_that_carried_the_words_follows_the_speaker_in_the_chain():
    (send,) = [e for e in _events("Kenya will send more troops to Somalia, the defence minister said, quoted by "
                                  "Reuters.") if e.trigger == "send"]
    assert send.reported_by == ("defence minister", "Reuters")
    (condemned,) = [e for e in _events("The Somali government condemned the Kenyan raid, in comments reported by "
                                       "the Associated Press.") if e.trigger == "condemned"]
    assert condemned.reported_by == ("Associated Press",)
    (shelled,) = [e for e in _events("Ethiopian troops shelled a village reported by residents to be empty.")
                  if e.trigger == "shelled"]
    assert shelled.reported_by == ()  # residents are not an outlet that carried the words


def test_a_speaker_the_actors_leave_unlinked_is_the_person_last_named_as_saying_something():
    text = ("Otieno Barasa, a Kenyan opposition lawmaker, said the vote was rigged. \u201cWe will not accept the "
            "result,\u201d he said.")
    coded = next(whimbrel.code_documents([{"id": "q", "text": text, "date": "2025-06-05"}]))
    assert [q.speaker for q in coded.quotes] == ["Otieno Barasa, a Kenyan opposition lawmaker"]


def test_a_quotation_with_no_verb_of_saying_goes_on_the_one_just_before_it():
    text = ("Grace Mwangi, chief executive of Save the Children Kenya, said about 70 children were ill. "
            "\u201cKenya should open the border to aid convoys,\u201d she said. \u201cChildren are dying.\u201d "
            "Kenyan police arrested two aid workers on Monday. \u201cThe arrests were unlawful and must end.\u201d")
    coded = next(whimbrel.code_documents([{"id": "q", "text": text, "date": "2025-06-05"}]))
    speakers = [q.speaker for q in coded.quotes]
    assert speakers[0] == speakers[1] and speakers[0] is not None and "Mwangi" in speakers[0]
    assert speakers[2] is None  # a sentence of other news between: no one to go on


def test_a_name_the_actors_left_unlinked_is_the_actor_an_earlier_mention_of_it_belongs_to():
    from whimbrel.actors import DocActors
    from whimbrel.attribution import subject_source
    from whimbrel.models import Actor, Mention
    from whimbrel.nlp import load_nlp

    doc = load_nlp()("Achieng, chief executive of Oxfam Kenya, visited the camp. Later, Achieng said the camp was full.")
    earlier = Actor("a1", "Achieng, chief executive", "NGO", "SOC", "group",
                    mentions=[Mention("Achieng, chief executive", 0, 24, 0)])
    said = next(t for t in doc if t.lemma_ == "say")
    assert subject_source(said, DocActors(actors=[earlier])).name == "Achieng, chief executive"


def test_places_named_by_who_holds_them_by_an_area_noun_or_by_their_edge():
    def place(text, trigger):
        (event,) = [e for e in _events(text) if e.trigger == trigger]
        return event.location

    assert place("Ethiopian jets bombed rebel positions in rebel-held Mekele on Monday.", "bombed") == "Mekele"
    assert place("Ethiopian troops captured the town of Dessie on Monday.", "captured") == "Dessie"
    assert place("Ethiopian troops attacked rebels in Ethiopia's north-west on Monday.", "attacked") == \
        "Ethiopia's north-west"
    assert place("Ethiopian jets bombed rebel positions on the outskirts of Mekele on Monday.", "bombed") == "Mekele"


def test_a_town_attacked_is_where_the_attack_happened_but_a_state_sanctioned_is_not():
    (strikes,) = [e for e in _events("Ethiopian jets carried out airstrikes on Mekele on Monday.")
                  if e.event_type == "ASSAULT"]
    assert strikes.location == "Mekele"
    (sanctions,) = [e for e in _events("The US imposed sanctions on Ethiopia on Monday.") if e.trigger == "imposed"]
    assert sanctions.location is None


def test_a_news_agency_named_with_its_country_is_the_agency_not_a_role():
    text = "Iraqi troops shelled rebel positions near the border on Monday, Tehran's IRNA news agency reported."
    (shelled,) = [e for e in _events(text) if e.trigger == "shelled"]
    assert shelled.reported_by == ("IRNA",)


def test_a_town_the_leads_act_is_done_to_is_where_the_news_happens():
    text = ("The fighters left Aleppo in a long convoy of trucks as mortar strikes hit the town behind them. "
            "Syrian troops arrested dozens of rebel fighters at a checkpoint on Monday.")
    (arrested,) = [e for e in _events(text) if e.trigger == "arrested"]
    assert arrested.location == "Aleppo"



def test_a_report_tacked_on_after_the_act_sources_it_but_a_time_clause_does_not():
    text = ("Russian jets bombed rebel positions near the town of Idlib on Monday, the Britain-based Syrian "
            "Observatory for Human Rights reported.")
    (bombed,) = [e for e in _events(text) if e.trigger == "bombed"]
    assert bombed.reported_by == ("Syrian Observatory for Human Rights",)
    text = "Russian jets bombed rebel positions near the town of Idlib on Monday after officials said rebels attacked."
    (bombed,) = [e for e in _events(text) if e.trigger == "bombed"]
    assert bombed.reported_by == ()
