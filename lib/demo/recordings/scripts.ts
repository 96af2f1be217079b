import type { Outcome } from "@/lib/providers/values";

// The spoken demo calls: what each party says, in order. `npm run
// demo:recordings` turns them into the audio beside this file (one .ogg per
// call) and manifest.json (when each line is spoken), once, at development
// time; the app only reads the results. Voices: espeak-ng (GPL-3.0-or-later;
// the audio it makes is not covered by that licence), encoded as Opus by
// ffmpeg. The text is this project's own.

export interface ScriptedCall {
  id: string;
  /** espeak-ng voices for the agent and the customer. */
  voices: { agent: string; customer: string };
  language: "en" | "ru" | "kk";
  outcome: Outcome;
  summary: string;
  turns: Array<{ role: "agent" | "customer"; text: string }>;
}

const EN = { agent: "en-us+f3", customer: "en-us+m3" };

export const SCRIPTED_CALLS: ScriptedCall[] = [
  {
    id: "meeting-loan",
    voices: EN,
    language: "en",
    outcome: "meeting_scheduled",
    summary: "Asked about refinancing a car loan; meeting booked for Thursday at 3 pm.",
    turns: [
      { role: "agent", text: "Hi, this is Anna from Northwind Auto. Do you have a minute to talk about your car loan?" },
      { role: "customer", text: "Sure, I was actually thinking about refinancing." },
      { role: "agent", text: "Great. We can lower the monthly payment by about eighty dollars. Would you like to go through the numbers with an advisor?" },
      { role: "customer", text: "Yes, that sounds good. Thursday afternoon works for me." },
      { role: "agent", text: "Perfect, I have booked Thursday at three p.m. You will get a confirmation by text." },
      { role: "customer", text: "Thank you, see you then." },
    ],
  },
  {
    id: "interested-pricing",
    voices: EN,
    language: "en",
    outcome: "interested",
    summary: "Interested in the premium plan; wants the pricing sheet by email.",
    turns: [
      { role: "agent", text: "Hello, this is Anna calling about the demo you requested last week." },
      { role: "customer", text: "Oh right. I liked it, but I need to see the pricing first." },
      { role: "agent", text: "Of course. The premium plan is forty nine dollars per seat. Shall I email you the full price sheet?" },
      { role: "customer", text: "Yes please, send it to my work address." },
      { role: "agent", text: "Done. I will follow up on Monday to answer any questions." },
    ],
  },
  {
    id: "callback-busy",
    voices: EN,
    language: "en",
    outcome: "callback_requested",
    summary: "Busy driving; asked to be called back tomorrow morning.",
    turns: [
      { role: "agent", text: "Hi, this is Anna from Northwind. Is this a good time?" },
      { role: "customer", text: "Not really, I am driving right now. Can you call me tomorrow morning?" },
      { role: "agent", text: "Sure, I will call you tomorrow at ten. Drive safely." },
    ],
  },
  {
    id: "not-interested",
    voices: EN,
    language: "en",
    outcome: "not_interested",
    summary: "Already renewed with another provider; not interested.",
    turns: [
      { role: "agent", text: "Hello, I am calling about renewing your insurance policy with us." },
      { role: "customer", text: "I already renewed with another company last month." },
      { role: "agent", text: "I understand. May I ask what made you switch?" },
      { role: "customer", text: "The price was lower. I am not interested, thank you." },
      { role: "agent", text: "Thank you for your time. Have a good day." },
    ],
  },
  {
    id: "voicemail",
    voices: EN,
    language: "en",
    outcome: "voicemail",
    summary: "Reached voicemail; left a message with a callback number.",
    turns: [
      { role: "customer", text: "You have reached Michael. Please leave a message after the tone." },
      {
        role: "agent",
        text: "Hi Michael, this is Anna from Northwind Auto about your loan application. Please call us back at five five five, zero one nine two. Thank you.",
      },
    ],
  },
  {
    id: "objection-price",
    voices: EN,
    language: "en",
    outcome: "interested",
    summary: "Worried about the price; agreed to a trial after hearing about the discount.",
    turns: [
      { role: "agent", text: "Hi, this is Anna. You signed up for our trial but never started it. Can I help?" },
      { role: "customer", text: "Honestly, it looked too expensive for a team of our size." },
      { role: "agent", text: "Teams under ten people get thirty percent off for the first year." },
      { role: "customer", text: "Oh, I did not know that. Then let us try it." },
      { role: "agent", text: "Great, I have activated the trial for your team." },
    ],
  },
  {
    id: "ru-meeting",
    voices: { agent: "ru+f3", customer: "ru+m3" },
    language: "ru",
    outcome: "meeting_scheduled",
    summary: "Asked about the monthly payment; meeting booked for Friday morning.",
    turns: [
      { role: "agent", text: "Здравствуйте, это Анна из Нортвинд Авто. Удобно говорить?" },
      { role: "customer", text: "Здравствуйте, да. Сколько будет ежемесячный платёж?" },
      { role: "agent", text: "Около двухсот долларов в месяц. Хотите встретиться с консультантом?" },
      { role: "customer", text: "Да, в пятницу утром подойдёт." },
      { role: "agent", text: "Записала вас на пятницу, десять утра. Спасибо!" },
    ],
  },
  {
    id: "ru-not-interested",
    voices: { agent: "ru+f3", customer: "ru+m3" },
    language: "ru",
    outcome: "not_interested",
    summary: "Not interested in a new card.",
    turns: [
      { role: "agent", text: "Добрый день! Предлагаем вам новую кредитную карту с кэшбэком." },
      { role: "customer", text: "Спасибо, не нужно. У меня уже есть карта." },
      { role: "agent", text: "Понимаю. Хорошего дня!" },
    ],
  },
  {
    id: "kk-callback",
    voices: { agent: "kk+f3", customer: "kk+m3" },
    language: "kk",
    outcome: "callback_requested",
    summary: "Asked to be called back in the evening.",
    turns: [
      { role: "agent", text: "Сәлеметсіз бе! Нортвинд Автодан Анна. Сөйлесуге ыңғайлы ма?" },
      { role: "customer", text: "Сәлеметсіз бе. Қазір жұмыстамын, кешке қоңырау шалыңызшы." },
      { role: "agent", text: "Жақсы, кешке сағат алтыда хабарласамын. Рахмет!" },
    ],
  },
  {
    id: "kk-interested",
    voices: { agent: "kk+f3", customer: "kk+m3" },
    language: "kk",
    outcome: "interested",
    summary: "Interested in the car loan; wants the terms by message.",
    turns: [
      { role: "agent", text: "Сәлеметсіз бе! Автонесие туралы қоңырау шалып тұрмын." },
      { role: "customer", text: "Иә, қызық. Шарттарын хабарламамен жіберіңізші." },
      { role: "agent", text: "Әрине, қазір жіберемін. Рахмет!" },
    ],
  },
];
