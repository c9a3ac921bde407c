package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateTest {

    @ParameterizedTest
    @ValueSource(strings = {"Skip to content", "Read also:", "Read also: Why the talks stalled in Geneva last week",
            "Also read", "Others are reading now", "Ads by MGDK", "Related Post", "Latest", "Source",
            "Homepage News NATO Chief: “The Ball Is Clearly in Russia’s Court” on...", "Home > World > Europe",
            "Alexandros Michailidis / Shutterstock", "Photo: Reuters", "(Photo: Kevin Marsh/AP)",
            "[Image by Jo Lee / Reuters]", "(Photos by Ana Ruiz)", "Share this", "Advertisement", "Facebook",
            "Copy link", "View this email in your browser", "Unsubscribe | Update your preferences",
            "© Copyright 2024, Des Moines Register and Tribune Co.",
            "Dow Jones & Company, Inc. All Rights Reserved",
            "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, "
                    + "rewritten or redistributed.",
            "Share this article: Facebook | Twitter | Email", "Facebook Twitter LinkedIn Email",
            "Sign up for our newsletter to get the latest news delivered to your inbox.", "Leave a comment",
            "3 comments", "Image credit: Getty Images", "Photo by Lina Park on Unsplash",
            "Filed under: Politics, Courts", "Tags: transport, ferries", "Back to top", "-30-", "###"})
    void pageFurniture(String line) {
        assertTrue(Boilerplate.isBoilerplate(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Source close to the talks said the meeting went well.",
            "Latest figures show inflation fell to 2.1 percent in May.", "Fidan spoke with Rubio, Lavrov",
            "Russia Must Make the Next Move", "Mark Rutte", "Homes were damaged by the storm.", "Facebook shares fall",
            "Copyright claims against AI firms rose in 2024, lawyers said.", "X",
            "(Photographers were kept away from the court.)", "Photo by photo, the archive was rebuilt.",
            "The label said all rights reserved by the estate had lapsed, and the songs were free to use.",
            "Sign up numbers rose after the city promised faster permits.", "Facebook and Twitter sued",
            "Email Twitter staff were told to return to the office.", "Photo by photo, the archive was rebuilt on X.",
            "30 comments were filed against the plan by Friday.", "Comments from residents were mixed.",
            "Topics: immigration, the economy and abortion dominated the 90-minute debate.",
            "Sign up numbers for the paper's newsletter doubled after the election, the editor said.",
            "Subscribe now to the newsletter, the mayor urged residents at the meeting."})
    void articleText(String line) {
        assertFalse(Boilerplate.isBoilerplate(line), line);
    }
}
