from django.shortcuts import render


def survey_list(request):
    return render(request, "surveys/list.html")
